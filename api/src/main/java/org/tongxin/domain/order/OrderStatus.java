package org.tongxin.domain.order;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongxin.domain.code.Coded;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/** The life of an order to a guardian: drafted, issued, acknowledged by the guardian, closed; or a draft withdrawn. */
public enum OrderStatus implements State {
    DRAFT("draft", "草稿", "Draft"),
    ISSUED("issued", "已发出", "Issued"),
    ACKNOWLEDGED("acknowledged", "监护人已确认", "Acknowledged by the guardian"),
    CLOSED("closed", "已结案", "Closed"),
    CANCELLED("cancelled", "已撤回", "Withdrawn");

    private final Names names;

    OrderStatus(String code, String zh, String en) {
        this.names = new Names(code, zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The steps an order may take. */
    public static final Transitions<OrderStatus> STEPS = Transitions.of(DRAFT, values())
            .allow(DRAFT, ISSUED, CANCELLED)
            .allow(ISSUED, ACKNOWLEDGED, CLOSED)
            .allow(ACKNOWLEDGED, CLOSED)
            .build();

    /** The steps taken through the status endpoint, each with a note: closing an order, withdrawing a draft. */
    public static final Set<OrderStatus> BY_NOTE = EnumSet.of(CLOSED, CANCELLED);

    /** The steps by note the workflow allows from the stored status {@code code}, in order. */
    public static List<String> nextByNote(String code) {
        return STEPS.next(STEPS.stored(code)).stream().filter(BY_NOTE::contains).map(OrderStatus::code).toList();
    }

    public static Optional<OrderStatus> of(String code) {
        return Coded.of(OrderStatus.class, code);
    }

    /** The Chinese name of a stored status, "" for none. */
    public static String zhOf(String code) {
        return of(code).map(OrderStatus::zh).orElse("");
    }

    /** Issued or acknowledged: the guardian still has to do what the order asks. */
    public boolean open() {
        return this == ISSUED || this == ACKNOWLEDGED;
    }
}
