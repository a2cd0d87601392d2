package org.tongxin.analytics.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;

/**
 * Builds the in-process TinkerGraph the Gremlin models run on, from the store, through the driver. It is a
 * projection, rebuilt on every Gremlin run (so it is always in step with the store): every node and relationship,
 * but none of the provenance bulk (raw rows, history, hashes, per-value sources). Temporal values become numbers
 * Gremlin can compare: a date → epoch day, a timestamp → epoch minute (local time); a person also gets the epoch
 * days of the birthdays its models declare ({@link Model#birthdays}; {@code bd<N>}: the Nth birthday, 29 Feb →
 * 28 Feb), and {@code birthMinute} / {@code minorUntilMinute} so that a traversal can keep the events of minors
 * only.
 *
 * <p>Cost: one pass over nodes and one over relationships; memory about that of the graph without provenance.
 */
public final class TinkerProjection {

    /** Properties the models never read. */
    private static final Set<String> SKIPPED = Set.of("raw", "history", "hash", "flags", "loadedAt");
    /** A person is a minor up to this birthday, that day included (as {@link LegalAge#isMinorAt}). */
    private static final int ADULT = 18;

    private TinkerProjection() {
    }

    /** The projection for these models: persons get the union of the birthdays the models declare. */
    public static TinkerGraph build(GraphStore store, Collection<? extends Model> models) {
        return build(store, birthdays(models));
    }

    /** The union of the birthdays the models declare, in order. */
    public static SortedSet<Integer> birthdays(Collection<? extends Model> models) {
        SortedSet<Integer> all = new TreeSet<>();
        models.forEach(m -> all.addAll(m.birthdays()));
        return Collections.unmodifiableSortedSet(all);
    }

    private static TinkerGraph build(GraphStore store, Set<Integer> birthdays) {
        TinkerGraph graph = TinkerGraph.open();
        Map<String, Object> ids = new HashMap<>();
        try (Session s = store.driver().session(store.session())) {
            s.run("MATCH (n) WHERE NOT n:Lead RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props")
                    .forEachRemaining(r -> {
                        List<String> labels = r.get("labels").asList(Value::asString);
                        String label = labels.stream().filter(l -> !l.equals("Record")).findFirst().orElse(labels.get(0));
                        Vertex v = graph.addVertex(label);
                        r.get("props").asMap().forEach((k, val) -> {
                            if (!SKIPPED.contains(k) && !k.startsWith("src_") && val != null) {
                                v.property(k, convert(val));
                            }
                        });
                        if (label.equals("Person") && r.get("props").get("birthDate") != null
                                && !r.get("props").get("birthDate").isNull()) {
                            LocalDate birth = r.get("props").get("birthDate").asLocalDate();
                            v.property("birth", birth.toEpochDay());
                            for (int n : birthdays) {
                                v.property("bd" + n, LegalAge.birthday(birth, n).toEpochDay());
                            }
                            // The same bounds in epoch minutes, so a traversal can keep a minor's events only:
                            // a minor from birthMinute (inclusive) to minorUntilMinute (exclusive).
                            v.property("birthMinute", birth.toEpochDay() * 1440);
                            v.property("minorUntilMinute", (LegalAge.birthday(birth, ADULT).toEpochDay() + 1) * 1440);
                        }
                        ids.put(r.get("id").asString(), v.id());
                    });
            s.run("MATCH (a)-[r]->(b) WHERE NOT a:Lead RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props")
                    .forEachRemaining(r -> {
                        Vertex a = graph.vertices(ids.get(r.get("a").asString())).next();
                        Vertex b = graph.vertices(ids.get(r.get("b").asString())).next();
                        var e = a.addEdge(r.get("type").asString(), b);
                        r.get("props").asMap().forEach((k, val) -> {
                            if (val != null) {
                                e.property(k, convert(val));
                            }
                        });
                    });
        }
        return graph;
    }

    static Object convert(Object value) {
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (value instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) / 60;
        }
        return value;
    }

    public static LocalDateTime fromEpochMinute(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }
}
