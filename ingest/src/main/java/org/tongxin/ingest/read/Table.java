package org.tongxin.ingest.read;

import java.nio.file.Path;
import java.util.List;

/** A department file opened for reading: its header (normalised) and its rows in file order. */
public record Table(Path file, String format, String encoding, List<String> header, List<RawRow> rows) {
}
