package org.tongxin.domain.education;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tongxin.domain.persistence.CaseStepEntity;

/** One step of a class booking as the API shows it; a field the stored step lacks is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingStep(long seq, String at, String by, String from, String to, String kind, String note) {

    /** From the stored step; one stored without a kind is a status step. */
    static BookingStep of(CaseStepEntity s) {
        return new BookingStep(s.getSeq(), s.getAt() == null ? null : s.getAt().toString(), s.getBy(), s.getFrom(),
                s.getTo(), s.getKind() == null ? "status" : s.getKind(), s.getNote());
    }
}
