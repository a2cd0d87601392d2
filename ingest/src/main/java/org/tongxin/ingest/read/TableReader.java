package org.tongxin.ingest.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Opens a department file (CSV in UTF-8/GBK, or the first sheet of an XLSX) for reading row by row
 * ({@link #open}), or reads a small one whole ({@link #read}). Cells are kept as written; Excel date cells
 * become ISO text, formula cells keep their formula text and are never evaluated.
 */
public final class TableReader {

    private TableReader() {
    }

    /** Opens a file; a quoted CSV cell may hold line breaks in any column. */
    public static TableCursor open(Path file) throws FileRejectedException {
        return open(file, column -> true);
    }

    /**
     * Opens a file; a quoted CSV cell may hold line breaks only in the columns {@code multilineColumn} accepts
     * (by normalised header name), so that a stray quote elsewhere costs one line instead of merging lines.
     */
    public static TableCursor open(Path file, Predicate<String> multilineColumn) throws FileRejectedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvCursor(file, multilineColumn);
        }
        if (name.endsWith(".xlsx")) {
            return new XlsxCursor(file);
        }
        throw new FileRejectedException("not a .csv or .xlsx file", 0);
    }

    /** The whole file in memory: for small files and tests; a load streams with {@link #open}. */
    public static Table read(Path file) throws FileRejectedException {
        try (TableCursor c = open(file)) {
            List<RawRow> rows = new ArrayList<>();
            for (RawRow r = c.next(); r != null; r = c.next()) {
                rows.add(r);
            }
            return new Table(file, c.format(), c.encoding(), c.header(), rows);
        }
    }

    /** Why a file cannot be read, without the path (the report names the file already). */
    public static String cannotRead(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read file: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "cannot read file: it is gone";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("symbolic link")) {
            return "a symbolic link, not followed";
        }
        return "cannot read file (" + e.getClass().getSimpleName() + ")";
    }
}
