package org.tongxin.ingest.mapping;

import java.util.List;

/** One column of a dataset: its Chinese header, the property it becomes, how it is read. */
public record ColumnSpec(String name, String prop, ColumnType type, boolean required, List<String> values) {
    public ColumnSpec {
        if (name == null || name.isBlank() || prop == null || !prop.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("column needs a header name and a camelCase prop: " + name + "/" + prop);
        }
        type = type == null ? ColumnType.TEXT : type;
        values = values == null ? List.of() : List.copyOf(values);
        if ((type == ColumnType.ENUM || type == ColumnType.ENUM_PREFIX) && values.isEmpty()) {
            throw new IllegalArgumentException("enum column " + name + " lists no values");
        }
    }
}
