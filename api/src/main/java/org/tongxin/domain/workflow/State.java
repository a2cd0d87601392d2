package org.tongxin.domain.workflow;

import org.tongxin.domain.code.Coded;

/**
 * A status a piece of casework can be in, as the graph stores it ({@code code}): an enum per kind of casework
 * ({@code LeadStatus}, {@code OrderStatus}, {@code SubmissionStatus}, {@code BookingStatus}).
 */
public interface State extends Coded {
}
