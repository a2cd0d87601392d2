package org.tongxin.domain.education;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tongxin.domain.workflow.Step;

/** One step of a class booking as the API shows it; a field the stored step lacks is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingStep(long seq, String at, String by, String from, String to, String kind, String note) {

    static BookingStep of(Step s) {
        return new BookingStep(s.seq(), s.at(), s.by(), s.from(), s.to(), s.kind(), s.note());
    }
}
