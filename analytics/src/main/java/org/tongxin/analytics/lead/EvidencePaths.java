package org.tongxin.analytics.lead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.Records;

/**
 * The evidence path of a stored lead: the lead, its evidence records, and the people, places and objects those
 * records point at — from the lead's subject back to the source rows. One indexed lookup and one hop each way.
 */
public final class EvidencePaths {

    /** A node of the path: element id, labels, and its properties without the provenance bulk. */
    public record PathNode(String id, List<String> labels, Map<String, Object> properties) {
    }

    /** A relationship of the path. */
    public record PathEdge(String id, String type, String from, String to) {
    }

    /** The whole path. */
    public record Path(String lead, List<PathNode> nodes, List<PathEdge> edges) {
    }

    private EvidencePaths() {
    }

    public static Optional<Path> of(GraphStore store, String leadKey) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> {
                var rows = tx.run("""
                        MATCH (l:Lead {key: $key})
                        OPTIONAL MATCH (l)-[ev:EVIDENCE]->(r:Record)
                        OPTIONAL MATCH (r)-[x]->(e)
                        RETURN l, ev, r, x, e
                        """, Map.of("key", leadKey)).list();
                if (rows.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, PathNode> nodes = new LinkedHashMap<>();
                Map<String, PathEdge> edges = new LinkedHashMap<>();
                for (var row : rows) {
                    for (String k : List.of("l", "r", "e")) {
                        if (!row.get(k).isNull()) {
                            Node n = row.get(k).asNode();
                            nodes.putIfAbsent(n.elementId(), node(n));
                        }
                    }
                    for (String k : List.of("ev", "x")) {
                        if (!row.get(k).isNull()) {
                            Relationship r = row.get(k).asRelationship();
                            edges.putIfAbsent(r.elementId(), new PathEdge(r.elementId(), r.type(),
                                    r.startNodeElementId(), r.endNodeElementId()));
                        }
                    }
                }
                return Optional.of(new Path(leadKey, List.copyOf(nodes.values()), List.copyOf(edges.values())));
            });
        }
    }

    private static PathNode node(Node n) {
        Map<String, Object> props = new LinkedHashMap<>();
        n.asMap().forEach((k, v) -> {
            if (!Records.isProvenanceBulk(k)) {
                props.put(k, v);
            }
        });
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        return new PathNode(n.elementId(), labels, props);
    }
}
