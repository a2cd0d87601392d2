package org.tongxin.domain.education;

import java.util.Arrays;
import java.util.Optional;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/** The life of a class booking: requested by a school, scheduled by a prosecutor, delivered; or cancelled. */
public enum BookingStatus implements State {
    REQUESTED("requested"),
    SCHEDULED("scheduled"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    /** The steps a booking may take (each status's next ones in the order the old adapter listed them). */
    public static final Transitions<BookingStatus> STEPS = Transitions.of(REQUESTED, values())
            .allow(REQUESTED, CANCELLED, SCHEDULED)
            .allow(SCHEDULED, CANCELLED, DELIVERED)
            .build();

    @Override
    public String code() {
        return code;
    }

    public static Optional<BookingStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
