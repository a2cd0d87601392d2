package org.tongxin.model.schema;

import java.util.List;

/** Names shared by every source-row node. */
public final class Records {

    /** Label carried by every node made from a dataset row. */
    public static final String LABEL = "Record";
    /** Unique key: {@code <dataset>:<record key>}, parts of a key joined with {@code |}. */
    public static final String RID = "rid";
    public static final String DATASET = "dataset";
    public static final String KEY = "key";
    /** On a {@link #SOURCE_FILE}: the file name as delivered. */
    public static final String FILE = "file";
    public static final String LINE = "line";
    /** The original cells as a JSON array in the order of the source file's header (unknown columns included). */
    public static final String RAW = "raw";
    /** The {@code sid} of the {@link #SOURCE_FILE} node that holds the header of {@link #RAW}. */
    public static final String SOURCE = "source";
    /** Label of the node describing one source file layout: file, dataset, header, encoding. */
    public static final String SOURCE_FILE = "SourceFile";
    public static final String SID = "sid";
    public static final String HASH = "hash";
    public static final String FLAGS = "flags";
    /** Earlier versions of the row (JSON), oldest first, kept when a reload changes it. */
    public static final String HISTORY = "history";
    /** On a relationship or entity value: the rid of the row it came from. */
    public static final String SRC = "src";
    /** Prefix of the per-value provenance properties of an entity: {@code src_name} for {@code name}. */
    public static final String VALUE_SRC_PREFIX = "src_";

    private Records() {
    }

    /**
     * True for the provenance bulk a reader of the graph does not want among a node's properties: the raw cells,
     * the row hash, the change history and the per-value sources (they are shown through the source row instead).
     */
    public static boolean isProvenanceBulk(String property) {
        return property.equals(RAW) || property.equals(HASH) || property.equals(HISTORY)
                || property.startsWith(VALUE_SRC_PREFIX);
    }

    public static String rid(String dataset, List<String> keyParts) {
        return dataset + ":" + String.join("|", keyParts);
    }
}
