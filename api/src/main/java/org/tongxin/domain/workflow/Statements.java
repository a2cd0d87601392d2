package org.tongxin.domain.workflow;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * Cypher run inside one open transaction, each row as a map of plain Java values. The workflow needs only this,
 * so the same {@link Flow} runs in a driver transaction ({@link #of(TransactionContext)}) or in one the Spring
 * transaction manager opened ({@code persistence.Casework}).
 */
@FunctionalInterface
public interface Statements {

    List<Map<String, Object>> run(String cypher, Map<String, Object> parameters);

    /** Statements in a driver transaction (a {@code store.write(tx -> …)} callback). */
    static Statements of(TransactionContext tx) {
        return (cypher, parameters) -> tx.run(cypher, parameters).list(r -> r.asMap());
    }
}
