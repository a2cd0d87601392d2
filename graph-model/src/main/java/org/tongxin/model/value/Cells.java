package org.tongxin.model.value;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The cell rules of datasets.md: NFKC-normalised, trimmed, and the written forms of "unknown". */
public final class Cells {

    private static final Set<String> BLANK_WORDS = Set.of("无", "-", "/", "null");

    private Cells() {
    }

    /** NFKC (full-width letters and digits become ASCII), then trimmed; null stays null. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /** Blank = unknown: empty after trimming, or one of 无, -, /, NULL (any case). */
    public static boolean isBlank(String normalized) {
        return normalized == null || normalized.isEmpty()
                || BLANK_WORDS.contains(normalized.toLowerCase(Locale.ROOT));
    }

    /** The normalised value, or null when it means unknown. */
    public static String value(String raw) {
        String n = normalize(raw);
        return isBlank(n) ? null : n;
    }
}
