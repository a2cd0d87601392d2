package org.tongxin.domain.cypher;

import java.util.HashMap;
import java.util.Map;
import org.tongxin.domain.problem.Problem;

/**
 * How many console queries may run at once, per user and overall, so that one analyst (or a stolen account)
 * cannot occupy the database's cores with slow queries. Beyond either limit a query is turned away at once with
 * 429 and a Retry-After of the console's time limit, when a slot is sure to have come free; it never waits.
 */
final class ConsoleSlots {

    /** A held slot; closing it gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int perUser;
    private final int total;
    private final Map<String, Integer> running = new HashMap<>();
    private int all;

    ConsoleSlots(int perUser, int total) {
        if (perUser < 1 || total < perUser) {
            throw new IllegalArgumentException("slots must be positive and the total at least the per-user number");
        }
        this.perUser = perUser;
        this.total = total;
    }

    synchronized Slot take(String user, long retryAfterSeconds) {
        int mine = running.getOrDefault(user, 0);
        if (mine >= perUser) {
            throw Problem.tooMany(retryAfterSeconds, "cypher.busy-user", mine, perUser);
        }
        if (all >= total) {
            throw Problem.tooMany(retryAfterSeconds, "cypher.busy", total);
        }
        running.put(user, mine + 1);
        all++;
        return new Slot() {
            private boolean open = true;

            @Override
            public void close() {
                synchronized (ConsoleSlots.this) {
                    if (open) {
                        open = false;
                        all--;
                        running.merge(user, -1, (a, b) -> a + b == 0 ? null : a + b);
                    }
                }
            }
        };
    }
}
