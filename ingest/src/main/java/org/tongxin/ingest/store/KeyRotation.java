package org.tongxin.ingest.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.model.privacy.Keyring;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * Rotates the key that pseudonymises a store: a new key becomes current and is saved first (so a crash half-way
 * leaves tokens of both versions, all still readable), every token in every string property of every node and
 * relationship is sealed again under it, and only then is the old key dropped from the key file.
 *
 * <p>Cost: one pass over the graph in batches of {@value #BATCH} internal ids, writing only what holds a token.
 */
public final class KeyRotation {

    private static final int BATCH = 5_000;

    /** What a rotation did. */
    public record Outcome(int fromVersion, int toVersion, long nodes, long relationships) {
    }

    private KeyRotation() {
    }

    /** Rotates the key of the store open in {@code store}, whose key file is in {@code stateDir}. */
    public static Outcome rotate(GraphStore store, Path stateDir, boolean keepOld) {
        Keyring old = Keyring.open(stateDir);
        Keyring next = old.withNewKey();
        next.save(stateDir);
        Pseudonyms p = new Pseudonyms(next);
        long nodes = reseal(store, p, "MATCH (n) WHERE id(n) >= $from AND id(n) < $to RETURN id(n) AS id, properties(n) AS props",
                "UNWIND $rows AS row MATCH (n) WHERE id(n) = row.id SET n += row.props", "MATCH (n) RETURN max(id(n)) AS m");
        long rels = reseal(store, p, "MATCH ()-[r]->() WHERE id(r) >= $from AND id(r) < $to RETURN id(r) AS id, properties(r) AS props",
                "UNWIND $rows AS row MATCH ()-[r]->() WHERE id(r) = row.id SET r += row.props", "MATCH ()-[r]->() RETURN max(id(r)) AS m");
        if (!keepOld) {
            next.currentOnly().save(stateDir);
        }
        return new Outcome(old.current().version(), next.current().version(), nodes, rels);
    }

    private static long reseal(GraphStore store, Pseudonyms p, String read, String write, String max) {
        long changed = 0;
        try (Session s = store.driver().session(store.session())) {
            long top = s.run(max).single().get("m").asLong(-1);
            for (long from = 0; from <= top; from += BATCH) {
                Map<String, Object> range = Map.of("from", from, "to", from + BATCH);
                List<Map<String, Object>> rows = new ArrayList<>();
                s.run(read, range).forEachRemaining(r -> {
                    Map<String, Object> props = new HashMap<>();
                    r.get("props").asMap().forEach((k, v) -> {
                        Object again = resealed(p, v);
                        if (again != null) {
                            props.put(k, again);
                        }
                    });
                    if (!props.isEmpty()) {
                        rows.add(Map.of("id", r.get("id").asLong(), "props", props));
                    }
                });
                if (!rows.isEmpty()) {
                    s.executeWrite(tx -> tx.run(write, Map.of("rows", rows)).consume());
                    changed += rows.size();
                }
            }
        }
        return changed;
    }

    /** The value sealed again when it holds a token; null when it holds none. */
    private static Object resealed(Pseudonyms p, Object v) {
        if (v instanceof String str && str.indexOf('~') >= 0) {
            String again = p.reseal(str);
            return again.equals(str) ? null : again;
        }
        if (v instanceof List<?> list && list.stream().anyMatch(x -> x instanceof String str && str.indexOf('~') >= 0)) {
            return list.stream().map(x -> x instanceof String str ? p.reseal(str) : x).toList();
        }
        return null;
    }
}
