package org.tongxin.domain.education;

import java.util.Optional;
import org.tongxin.domain.code.Coded;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/** The life of a class booking: requested by a school, scheduled by a prosecutor, delivered; or cancelled. */
public enum BookingStatus implements State {
    REQUESTED("requested", "待排课", "Requested"),
    SCHEDULED("scheduled", "已排课", "Scheduled"),
    DELIVERED("delivered", "已授课", "Delivered"),
    CANCELLED("cancelled", "已取消", "Cancelled");

    private final Names names;

    BookingStatus(String code, String zh, String en) {
        this.names = new Names(code, zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The steps a booking may take (each status's next ones in the order the old adapter listed them). */
    public static final Transitions<BookingStatus> STEPS = Transitions.of(REQUESTED, values())
            .allow(REQUESTED, CANCELLED, SCHEDULED)
            .allow(SCHEDULED, CANCELLED, DELIVERED)
            .build();

    public static Optional<BookingStatus> of(String code) {
        return Coded.of(BookingStatus.class, code);
    }
}
