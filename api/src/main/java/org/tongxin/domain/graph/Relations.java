package org.tongxin.domain.graph;

import java.util.Locale;
import java.util.Map;
import org.tongxin.ingest.mapping.Labels;

/** Relationship types in Chinese, for edge labels in the explorer and the case-file diagrams (from labels.yaml). */
public final class Relations {

    private static final Map<String, String> ZH = Map.copyOf(Labels.bundled().relations(Locale.CHINESE));

    private Relations() {
    }

    /** The type's Chinese name, or the type itself when labels.yaml has none. */
    public static String zh(String type) {
        return Labels.bundled().relation(type, Locale.CHINESE);
    }

    public static Map<String, String> all() {
        return ZH;
    }
}
