package org.tongxin.ingest.read;

import java.util.BitSet;

/**
 * One data row as read from a file, before any dataset rule: its 1-based line (spreadsheet row), the cells in
 * header order (text as written), which cells were Excel number cells, and a parse error if the line could not
 * be read at all — then {@code raw} holds the physical line as written, so that the quarantine keeps it.
 */
public record RawRow(int line, String[] cells, BitSet numericCells, String error, String raw) {

    public RawRow(int line, String[] cells, BitSet numericCells, String error) {
        this(line, cells, numericCells, error, null);
    }

    public static RawRow broken(int line, String error, String raw) {
        return new RawRow(line, new String[0], new BitSet(), error, raw);
    }

    public boolean isNumeric(int column) {
        return numericCells.get(column);
    }
}
