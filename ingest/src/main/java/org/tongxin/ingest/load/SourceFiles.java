package org.tongxin.ingest.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.Records;
import org.tongxin.model.time.LegalAge;

/**
 * One node per source file layout (file name, dataset, header, encoding), so that each record stores its cells
 * once, as an array, and the original row can be rebuilt as header → cell: the "back to the source" view.
 */
public final class SourceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceFiles() {
    }

    /** Creates (or touches) the node for this file's layout and returns its sid. */
    static String register(GraphStore store, DatasetMapping m, String fileName, List<String> headerCells, String format,
                           String encoding) {
        String header = RowParser.toJson(headerCells);
        String sid = m.dataset() + ":" + RowParser.sha1(fileName + "\n" + header + "\n" + encoding).substring(0, 16);
        try (Session s = store.driver().session(store.session())) {
            s.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (f:%s {%s: $sid})
                    ON CREATE SET f.file = $file, f.dataset = $dataset, f.header = $header, f.format = $format,
                                  f.encoding = $encoding, f.firstLoadedAt = $now
                    SET f.lastLoadedAt = $now
                    """.formatted(Records.SOURCE_FILE, Records.SID), Map.of("sid", sid, "file", fileName,
                    "dataset", m.dataset(), "header", header, "format", format, "encoding", encoding,
                    "now", LocalDateTime.now(LegalAge.ZONE))).consume());
        }
        return sid;
    }

    /**
     * The original row as header → cell, rebuilt from a record's cells and its source file's header; cells beyond
     * the header are named {@code 列N}.
     */
    public static Map<String, String> originalRow(String headerJson, String cellsJson) {
        try {
            List<String> header = JSON.readValue(headerJson, new TypeReference<List<String>>() { });
            List<String> cells = JSON.readValue(cellsJson, new TypeReference<List<String>>() { });
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "列" + (i + 1);
                row.put(name, cells.get(i));
            }
            return row;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored row: " + e.getOriginalMessage(), e);
        }
    }

    /** The original row of a record, read through the driver; empty when no such record. */
    public static Map<String, String> originalRow(GraphStore store, String rid) {
        try (Session s = store.driver().session(store.session())) {
            var result = s.run("MATCH (r:%s {%s: $rid}) MATCH (f:%s {%s: r.%s}) RETURN f.header AS header, r.%s AS cells"
                    .formatted(Records.LABEL, Records.RID, Records.SOURCE_FILE, Records.SID, Records.SOURCE, Records.RAW),
                    Map.of("rid", rid)).list();
            return result.isEmpty() ? Map.of()
                    : originalRow(result.get(0).get("header").asString(), result.get(0).get("cells").asString());
        }
    }

}
