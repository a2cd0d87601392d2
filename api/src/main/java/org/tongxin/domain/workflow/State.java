package org.tongxin.domain.workflow;

/**
 * A status a piece of casework can be in, as the graph stores it ({@code code}): an enum per kind of casework
 * ({@code LeadStatus}, {@code OrderStatus}, {@code SubmissionStatus}, {@code BookingStatus}).
 */
public interface State {

    String code();

    /** The Chinese name, as /api/labels and messages show it. */
    String zh();

    /** The English name, for the English switch. */
    String en();
}
