package org.tongxin.model.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of personal value that are never stored in clear: a token's prefix names its kind, so a reader that
 * holds the key knows how to show the value (masked by kind) without knowing where it came from.
 */
public enum PiiKind {
    /** Identity numbers, valid or not. */
    ID("id"),
    /** Phone numbers. */
    PHONE("tel"),
    /** Home and registered addresses. */
    ADDRESS("adr"),
    /** Free texts and names written by users of the casework modules (orders, reports). */
    TEXT("txt");

    private final String prefix;

    PiiKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Optional<PiiKind> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(k -> k.prefix.equals(prefix)).findFirst();
    }
}
