package org.tongxin.analytics.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.analytics.lead.Evidence;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.ingest.load.RowParser;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;

/**
 * Keeps leads in the graph as {@code (:Lead)-[:EVIDENCE]->(:Record)}. Re-running the models is idempotent: a
 * lead keeps its key, its status and its history; a change of rules is written to its history; a lead that no
 * longer holds is marked {@code holds = false} with the time, never deleted.
 */
public final class LeadStore {

    /** What one store of a model's leads did. */
    public record Outcome(int raised, int updated, int cleared) {
    }

    private final GraphStore store;

    public LeadStore(GraphStore store) {
        this.store = store;
        try (Session s = store.driver().session(store.session())) {
            s.run("CREATE CONSTRAINT lead_key IF NOT EXISTS FOR (l:Lead) REQUIRE l.key IS UNIQUE").consume();
            s.run("CREATE INDEX lead_model IF NOT EXISTS FOR (l:Lead) ON (l.model)").consume();
            s.run("CREATE INDEX lead_ref IF NOT EXISTS FOR (l:Lead) ON (l.ref)").consume();
        }
    }

    /**
     * The lead's reference in URLs and logs: a lead key may hold an identity number, and some keys hold a slash,
     * so addresses use the first 16 hex digits of the key's SHA-1 instead.
     */
    public static String ref(String key) {
        return RowParser.sha1(key).substring(0, 16);
    }

    public Outcome save(String model, List<Lead> leads, LocalDate asOf, String engine) {
        LocalDateTime now = LocalDateTime.now(LegalAge.ZONE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Lead l : leads) {
            Map<String, Object> m = new HashMap<>();
            m.put("key", l.key());
            m.put("ref", ref(l.key()));
            m.put("model", l.model());
            m.put("rules", l.rules());
            m.put("severity", l.severity());
            m.put("summary", l.summary());
            m.put("legalBasis", l.legalBasis());
            m.put("evidence", l.evidence().stream().map(Evidence::rid).toList());
            rows.add(m);
        }
        Map<String, Object> params = Map.of("leads", rows, "model", model, "now", now, "asOf", asOf, "engine", engine,
                "keys", leads.stream().map(Lead::key).toList());
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                var written = tx.run("""
                        UNWIND $leads AS l
                        MERGE (x:Lead {key: l.key})
                        ON CREATE SET x.model = l.model, x.ref = l.ref, x.status = 'new', x.firstRaisedAt = $now, x.history = []
                        WITH x, l, x.rules AS before, coalesce(x.holds, false) AS held
                        SET x.history = x.history + CASE
                              WHEN before IS NULL THEN [toString($now) + ' raised ' + reduce(s = '', r IN l.rules | s + r + ' ')]
                              WHEN NOT held THEN [toString($now) + ' holds again ' + reduce(s = '', r IN l.rules | s + r + ' ')]
                              WHEN before <> l.rules THEN [toString($now) + ' rules ' + reduce(s = '', r IN before | s + r + ' ') + ' → ' + reduce(s = '', r IN l.rules | s + r + ' ')]
                              ELSE [] END,
                            x.ref = l.ref, x.rules = l.rules, x.severity = l.severity, x.summary = l.summary,
                            x.legalBasis = l.legalBasis, x.evidence = l.evidence, x.holds = true, x.clearedAt = null,
                            x.lastSeenAt = $now, x.asOf = $asOf, x.engine = $engine
                        WITH x, l, before
                        CALL (x, l) {
                          OPTIONAL MATCH (x)-[old:EVIDENCE]->(r:Record) WHERE NOT r.rid IN l.evidence
                          DELETE old
                        }
                        CALL (x, l) {
                          UNWIND l.evidence AS rid
                          MATCH (r:Record {rid: rid})
                          MERGE (x)-[:EVIDENCE]->(r)
                        }
                        RETURN count(CASE WHEN before IS NULL THEN 1 END) AS raised,
                               count(CASE WHEN before IS NOT NULL THEN 1 END) AS updated
                        """, params).single();
                var cleared = tx.run("""
                        MATCH (x:Lead {model: $model}) WHERE x.holds AND NOT x.key IN $keys
                        SET x.holds = false, x.clearedAt = $now,
                            x.history = coalesce(x.history, []) + [toString($now) + ' no longer holds as of ' + toString($asOf)]
                        RETURN count(x) AS n
                        """, params).single().get("n").asInt();
                return new Outcome(written.get("raised").asInt(), written.get("updated").asInt(), cleared);
            });
        }
    }
}
