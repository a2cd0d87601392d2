package org.tongxin.domain.graph;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.tongxin.model.schema.Records;

/** Driver values as plain JSON-ready Java values: temporals as ISO text, nodes and relationships as maps. */
public final class Values {

    private Values() {
    }

    public static Object plain(Value v) {
        return plain(v.asObject());
    }

    public static Object plain(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return o;
        }
        if (o instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (o instanceof Node n) {
            return Map.of("id", n.elementId(), "labels", labels(n), "properties", properties(n.asMap()));
        }
        if (o instanceof Relationship r) {
            return Map.of("id", r.elementId(), "type", r.type(), "from", r.startNodeElementId(),
                    "to", r.endNodeElementId(), "properties", properties(r.asMap()));
        }
        if (o instanceof Path p) {
            List<Object> parts = new ArrayList<>();
            p.nodes().forEach(n -> parts.add(plain(n)));
            p.relationships().forEach(r -> parts.add(plain(r)));
            return Map.of("path", parts);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        return String.valueOf(o);
    }

    /** Properties without the provenance bulk (raw cells, row hash, change history, per-value sources). */
    public static Map<String, Object> properties(Map<String, Object> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        all.keySet().stream().sorted().forEach(k -> {
            if (!Records.isProvenanceBulk(k)) {
                out.put(k, plain(all.get(k)));
            }
        });
        return out;
    }

    public static List<String> labels(Node n) {
        List<String> out = new ArrayList<>();
        n.labels().forEach(out::add);
        return out;
    }
}
