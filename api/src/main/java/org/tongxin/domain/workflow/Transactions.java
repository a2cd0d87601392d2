package org.tongxin.domain.workflow;

import java.util.function.Function;
import org.tongxin.ingest.store.GraphStore;

/**
 * Where a workflow step's transaction comes from: one write transaction per call, committed when {@code work}
 * returns and rolled back when it throws. {@link #over(GraphStore)} uses the driver's managed transactions; the
 * product wires the Spring transaction manager's ({@code persistence.Casework#transactions()}).
 */
@FunctionalInterface
public interface Transactions {

    <T> T write(Function<Statements, T> work);

    /** Driver-managed write transactions of the store's database (retried on transient failures). */
    static Transactions over(GraphStore store) {
        return new Transactions() {
            @Override
            public <T> T write(Function<Statements, T> work) {
                return store.write(tx -> work.apply(Statements.of(tx)));
            }
        };
    }
}
