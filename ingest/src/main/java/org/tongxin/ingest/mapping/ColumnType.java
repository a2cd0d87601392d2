package org.tongxin.ingest.mapping;

/** How a cell is read. Every type is NFKC-normalised and trimmed first. */
public enum ColumnType {
    /** Kept as written. */
    TEXT,
    /** An opaque code, upper-cased (unified social credit codes, venue codes). */
    CODE,
    /** An identity number: upper-cased, 15→18, validated; invalid ones are flagged {@code invalid-id}. */
    ID,
    /** A plate, normalised as datasets.md says. */
    PLATE,
    /** A date; a timestamp written in a date column keeps its date. */
    DATE,
    /** A timestamp; a date alone is kept with {@code <prop>HasTime = false}. */
    TIMESTAMP,
    INTEGER,
    DECIMAL,
    /** An ICD-10 code: upper-cased, dot and spaces removed. */
    ICD,
    /** Driving-licence classes (准驾车型): the letter+digit pairs written, as a list ({@code A1A2} → [A1, A2]). */
    CLASSES,
    /** One of {@code values}; another value is flagged {@code unknown-code} and kept as written. */
    ENUM,
    /** Like ENUM, but a value starting with a listed word matches (伤情 {@code 轻伤二级} is 轻伤). */
    ENUM_PREFIX
}
