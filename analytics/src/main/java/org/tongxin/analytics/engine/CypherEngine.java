package org.tongxin.analytics.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.ingest.store.GraphStore;

/** Runs a model's Cypher through the Neo4j Java Driver, in a read transaction. */
public final class CypherEngine implements Engine {

    private final GraphStore store;

    public CypherEngine(GraphStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "cypher";
    }

    @Override
    public List<RuleHit> hits(Model model, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>(model.cypherParameters());
        params.put("asOf", asOf);
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> {
                List<RuleHit> hits = new ArrayList<>();
                tx.run(model.cypher(), params).forEachRemaining(r -> {
                    Value at = r.get("at");
                    hits.add(new RuleHit(r.get("key").asString(), r.get("rule").asString(),
                            r.get("evidence").asList(Value::asString), r.get("venue").asString(null),
                            at.isNull() ? null : at.asLocalDateTime()));
                });
                return hits;
            });
        }
    }
}
