package org.tongxin.ingest.load;

import java.util.List;
import java.util.Map;

/**
 * A row after the dataset's rules: either rejected (with the column and reason), or ready to write with its
 * typed props, flags and the relationships it makes. {@code cellsJson} is the row as written (a JSON array in
 * the file's header order, stored on the record); {@code rawJson} the same as header → cell, for the
 * quarantine file; {@code hash} does not depend on the column order.
 */
public record ParsedRow(int line, String rid, String key, Map<String, Object> props, String cellsJson, String rawJson,
                        String hash,
                        List<String> flags, List<String> warnings, Rejection rejection,
                        List<LinkRow> links) {

    /** Why a row was not loaded; column is blank for whole-row problems. */
    public record Rejection(String column, String reason) {
    }

    /**
     * One relationship instance: link index in the mapping, the entity key it points at, for links between
     * entities the key of the start entity, values to copy onto the entity, props for the relationship.
     */
    public record LinkRow(int link, String fromKey, String key, Map<String, Object> set, Map<String, Object> relProps) {
    }

    public boolean rejected() {
        return rejection != null;
    }
}
