package org.tongxin.ingest.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tongxin.model.privacy.OwnerOnly;

/**
 * The quarantine file of one load: every row that was not loaded as written (rejected, or superseded by a
 * later row with the same key), with file, line, column, reason and the original cells. UTF-8 with BOM so that
 * a spreadsheet opens it with the Chinese intact. Created on the first entry, owner-only (raw rows hold personal
 * data).
 */
public final class Quarantine implements AutoCloseable {

    private final Path path;
    private CSVPrinter printer;

    public Quarantine(Path path) {
        this.path = path;
    }

    public synchronized void add(String file, int line, String column, String reason, String outcome, String rawJson) {
        try {
            if (printer == null) {
                OwnerOnly.folder(path.toAbsolutePath().getParent());
                BufferedWriter w = Files.newBufferedWriter(OwnerOnly.file(path), StandardCharsets.UTF_8);
                w.write('\uFEFF');
                printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                        .setHeader("file", "line", "column", "reason", "outcome", "row").get());
            }
            printer.printRecord(file, line, column, reason, outcome, rawJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine file " + path, e);
        }
    }

    /** The file, or null when nothing was quarantined. */
    public Path pathIfWritten() {
        return printer == null ? null : path;
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
