package org.tongxin.ingest.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.store.GraphStore;

/**
 * Writes parsed rows of one dataset in batches through the driver, one transaction a batch (rows and their
 * relationships together, so a crash leaves whole rows or none). Unchanged rows (same hash) are skipped; a
 * changed row keeps its previous version in its history and has its relationships rebuilt.
 */
final class GraphWriter {

    /** What one batch did. */
    record BatchResult(long created, long updated) {
    }

    private final GraphStore store;
    private final DatasetMapping mapping;
    private final CypherTemplates cypher;

    GraphWriter(GraphStore store, DatasetMapping mapping) {
        this.store = store;
        this.mapping = mapping;
        this.cypher = new CypherTemplates(mapping);
    }

    BatchResult write(String file, List<ParsedRow> batch) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        Map<String, ParsedRow> byRid = new HashMap<>();
        for (ParsedRow r : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("rid", r.rid());
            row.put("key", r.key());
            row.put("file", file);
            row.put("line", r.line());
            row.put("raw", r.rawJson());
            row.put("hash", r.hash());
            row.put("flags", r.flags());
            row.put("props", r.props());
            rows.add(row);
            byRid.put(r.rid(), r);
        }
        try (Session session = store.driver().session(store.session())) {
            return session.executeWrite(tx -> {
                List<Record> written = tx.run(cypher.upsertRows, Map.of("rows", rows, "dataset", mapping.dataset())).list();
                List<String> changed = new ArrayList<>();
                List<List<Map<String, Object>>> linkParams = new ArrayList<>();
                for (int i = 0; i < mapping.links().size(); i++) {
                    linkParams.add(new ArrayList<>());
                }
                for (Record rec : written) {
                    String rid = rec.get("rid").asString();
                    if (rec.get("changed").asBoolean()) {
                        changed.add(rid);
                    }
                    for (ParsedRow.LinkRow l : byRid.get(rid).links()) {
                        Map<String, Object> p = new HashMap<>();
                        p.put("rid", rid);
                        p.put("key", l.key());
                        p.put("fromKey", l.fromKey());
                        p.put("set", l.set());
                        p.put("rel", l.relProps());
                        linkParams.get(l.link()).add(p);
                    }
                }
                if (!changed.isEmpty()) {
                    tx.run(cypher.deleteRowLinks, Map.of("rids", changed)).consume();
                    for (String delete : cypher.deleteEntityLinks) {
                        tx.run(delete, Map.of("rids", changed)).consume();
                    }
                }
                for (int i = 0; i < cypher.links.size(); i++) {
                    if (!linkParams.get(i).isEmpty()) {
                        tx.run(cypher.links.get(i), Map.of("links", linkParams.get(i))).consume();
                    }
                }
                return new BatchResult(written.size() - changed.size(), changed.size());
            });
        }
    }
}
