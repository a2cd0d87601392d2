package org.tongxin.domain.workflow;

/**
 * A status a piece of casework can be in, as the graph stores it ({@code code}). Usually an enum per kind of
 * casework ({@code LeadStatus}, {@code OrderStatus}); {@link Code} serves callers that still name states by string.
 */
public interface State {

    String code();

    /** A state known only by its code (for {@link Transitions#ofCodes}). */
    record Code(String code) implements State {
    }
}
