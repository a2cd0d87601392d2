package org.tongxin.ingest.load;

import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Session;
import org.tongxin.ingest.store.GraphStore;

/** Counts per label and relationship type: what {@code tongxin stats} prints and what reload tests compare. */
public record GraphStats(Map<String, Long> labels, Map<String, Long> relationships) {

    public GraphStats {
        labels = Map.copyOf(labels);
        relationships = Map.copyOf(relationships);
    }

    /** Cost: one pass over all nodes and one over all relationships. */
    public static GraphStats of(GraphStore store) {
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> rels = new TreeMap<>();
        try (Session s = store.driver().session(store.session())) {
            s.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
                    .forEachRemaining(r -> labels.put(r.get("label").asString(), r.get("n").asLong()));
            s.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
                    .forEachRemaining(r -> rels.put(r.get("type").asString(), r.get("n").asLong()));
        }
        return new GraphStats(labels, rels);
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("nodes by label\n");
        new TreeMap<>(labels).forEach((k, v) -> sb.append(String.format("  %-22s %,12d%n", k, v)));
        sb.append("relationships by type\n");
        new TreeMap<>(relationships).forEach((k, v) -> sb.append(String.format("  %-22s %,12d%n", k, v)));
        return sb.toString();
    }
}
