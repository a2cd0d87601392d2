package org.tongxin.ingest.mapping;

import java.util.List;
import org.tongxin.model.privacy.PiiKind;

/**
 * One column of a dataset: its Chinese header, the property it becomes, how it is read, and — for personal values
 * that are never stored in clear — which kind of personal value it holds ({@code pii: phone | address}; identity
 * numbers are always personal). Such a cell is stored as a token, in the property and in the raw cells alike.
 * {@code future: true} marks a date that may lie far ahead (the end of a validity): no upper bound but 9999-12-31,
 * the usual way to write 长期; every other date must be on or before today plus {@code RowParser.FUTURE_MARGIN}.
 */
public record ColumnSpec(String name, String prop, ColumnType type, boolean required, List<String> values, PiiKind pii,
                         boolean future) {
    public ColumnSpec {
        if (name == null || name.isBlank() || prop == null || !prop.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("column needs a header name and a camelCase prop: " + name + "/" + prop);
        }
        type = type == null ? ColumnType.TEXT : type;
        values = values == null ? List.of() : List.copyOf(values);
        pii = type == ColumnType.ID ? PiiKind.ID : pii;
        if ((type == ColumnType.ENUM || type == ColumnType.ENUM_PREFIX) && values.isEmpty()) {
            throw new IllegalArgumentException("enum column " + name + " lists no values");
        }
    }
}
