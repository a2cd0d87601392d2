package org.tongxin.ingest.load;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.Records;
import org.tongxin.model.time.LegalAge;

/**
 * Writes parsed rows of one dataset in batches through the driver, one transaction a batch (rows and their
 * relationships together, so a crash leaves whole rows or none). Unchanged rows (same hash) are skipped; a
 * changed row keeps its previous version in its history and has its relationships rebuilt. A relationship from
 * a record's node carries no provenance of its own: its start node is the record.
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

    /** Whether rows of this dataset are in the graph already; when not, every row is new and no lookup is needed. */
    boolean anyRecord() {
        try (Session session = store.driver().session(store.session())) {
            return session.run(cypher.anyRecord).single().get("any").asBoolean();
        }
    }

    BatchResult write(String source, List<ParsedRow> batch, boolean lookup) {
        List<String> rids = batch.stream().map(ParsedRow::rid).toList();
        LocalDateTime loadedAt = LocalDateTime.now(LegalAge.ZONE);
        try (Session session = store.driver().session(store.session())) {
            return session.executeWrite(tx -> {
                Map<String, String> existing = new HashMap<>();
                if (lookup) {
                    tx.run(cypher.existingHashes, Map.of("rids", rids))
                            .forEachRemaining(r -> existing.put(r.get("rid").asString(), r.get("hash").asString(null)));
                }
                List<Map<String, Object>> created = new ArrayList<>();
                List<Map<String, Object>> updated = new ArrayList<>();
                List<String> changedRids = new ArrayList<>();
                List<List<Map<String, Object>>> linkParams = new ArrayList<>();
                for (int i = 0; i < mapping.links().size(); i++) {
                    linkParams.add(new ArrayList<>());
                }
                for (ParsedRow r : batch) {
                    boolean known = existing.containsKey(r.rid());
                    if (known && r.hash().equals(existing.get(r.rid()))) {
                        continue;
                    }
                    Map<String, Object> props = new HashMap<>(r.props());
                    props.put(Records.RID, r.rid());
                    props.put(Records.DATASET, mapping.dataset());
                    props.put(Records.KEY, r.key());
                    props.put(Records.SOURCE, source);
                    props.put(Records.LINE, r.line());
                    props.put(Records.RAW, r.cellsJson());
                    props.put(Records.HASH, r.hash());
                    props.put(Records.FLAGS, r.flags().isEmpty() ? null : r.flags());
                    props.put("loadedAt", loadedAt);
                    if (known) {
                        updated.add(props);
                        changedRids.add(r.rid());
                    } else {
                        created.add(props);
                    }
                    for (ParsedRow.LinkRow l : r.links()) {
                        Map<String, Object> rel = new HashMap<>(l.relProps());
                        if (l.fromKey() != null) {
                            // Between two entities the start node is no record, so the row is named.
                            rel.put(Records.SRC, r.rid());
                        }
                        Map<String, Object> p = new HashMap<>();
                        p.put("rid", r.rid());
                        p.put("key", l.key());
                        p.put("fromKey", l.fromKey());
                        p.put("set", l.set());
                        p.put("rel", rel);
                        linkParams.get(l.link()).add(p);
                    }
                }
                if (!created.isEmpty()) {
                    tx.run(cypher.createRows, Map.of("rows", created)).consume();
                }
                if (!updated.isEmpty()) {
                    tx.run(cypher.updateRows, Map.of("rows", updated)).consume();
                    tx.run(cypher.deleteRowLinks, Map.of("rids", changedRids)).consume();
                    for (String delete : cypher.deleteEntityLinks) {
                        tx.run(delete, Map.of("rids", changedRids)).consume();
                    }
                }
                for (int i = 0; i < cypher.links.size(); i++) {
                    if (!linkParams.get(i).isEmpty()) {
                        tx.run(cypher.links.get(i), Map.of("links", linkParams.get(i))).consume();
                    }
                }
                return new BatchResult(created.size(), updated.size());
            });
        }
    }
}
