package org.tongxin.ingest.read;

import java.nio.file.Path;
import java.util.List;

/**
 * A department file opened for reading one row at a time, so that memory does not grow with the file: the
 * header (normalised) is known on opening, rows come in file order, and once the last row is read the cursor
 * says how the file's physical lines were spent (header, rows, blank lines, lines that continue a quoted cell).
 */
public interface TableCursor extends AutoCloseable {

    Path file();

    /** {@code csv} or {@code xlsx}. */
    String format();

    /** The encoding a CSV was read in; {@code xlsx} for a workbook. */
    String encoding();

    List<String> header();

    /** The line (spreadsheet row) of the header. */
    int headerLine();

    /** Things the reader noticed about the whole file that the load report should say (a sheet not read). */
    List<String> notes();

    /** The next row, or null after the last one. */
    RawRow next() throws FileRejectedException;

    /** Physical lines (spreadsheet rows with content or not) read so far, the header's included. */
    long physicalLines();

    /** Blank lines (all-empty spreadsheet rows) read so far and skipped: before, between and after rows. */
    long blankLines();

    @Override
    void close();
}
