package org.tongxin.ingest.load;

import java.util.List;
import java.util.Map;

/**
 * What the load did with one file, as datasets.md asks: read = loaded + rejected; flagged rows are loaded;
 * linked counts the file's dataset records that reach a person, vehicle or venue another dataset also reaches
 * (counted after the whole folder is loaded). Warnings (a region code newer than the birth year) do not flag a
 * row. {@code created}/{@code updated}/{@code unchanged} split the loaded
 * rows by what they did to the graph. {@code lines} counts the file's physical lines (spreadsheet rows), so that
 * lines = header + read + blank lines + lines continuing a quoted cell, and nothing goes uncounted.
 */
public record FileReport(String file, String dataset, String format, String encoding, long lines, long read, long loaded,
                         long flagged, long rejected, long linked, long created, long updated, long unchanged,
                         Map<String, Long> flags, Map<String, Long> warnings, Map<String, Long> rejections, List<String> notes, String error,
                         Integer errorLine, long millis) {

    public FileReport {
        flags = Map.copyOf(flags);
        warnings = Map.copyOf(warnings);
        rejections = Map.copyOf(rejections);
        notes = List.copyOf(notes);
    }

    public FileReport withLinked(long n) {
        return new FileReport(file, dataset, format, encoding, lines, read, loaded, flagged, rejected, n, created, updated,
                unchanged, flags, warnings, rejections, notes, error, errorLine, millis);
    }
}
