package org.tongxin.analytics.engine;

import java.time.LocalDate;
import java.util.List;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.lead.RuleHit;

/** Where a model runs: Cypher on Neo4j, or Gremlin on a TinkerPop graph. */
public interface Engine extends AutoCloseable {

    String name();

    List<RuleHit> hits(Model model, LocalDate asOf);

    /** Releases a remote connection; nothing for a local engine. */
    @Override
    default void close() throws Exception {
    }

    default List<Lead> leads(Model model, LocalDate asOf) {
        return LeadAssembler.assemble(model, hits(model, asOf));
    }
}
