package org.tongxin.analytics.engine;

/**
 * Hotel-stay intervals on the projected graph (epoch minutes), as models.md and the venue model's documentation
 * define them: [入住时间, 退房时间); no check-out lasts 12 h; a check-out with a date only ends at the next
 * midnight.
 */
public final class Stays {

    /** A missing value in a projected row. */
    public static final long NONE = Long.MIN_VALUE;

    private Stays() {
    }

    /** End of a stay: check-out, a date-only check-out's next midnight, or check-in + 12 h when there is none. */
    public static long end(long in, long out, boolean outHasTime) {
        if (out == NONE) {
            return in + 12 * 60;
        }
        return outHasTime ? out : out + 24 * 60;
    }
}
