package org.tongxin.ingest.read;

/** A whole file cannot be read: every row counts as rejected with this reason and line. */
public class FileRejectedException extends Exception {

    private final int line;

    public FileRejectedException(String reason, int line) {
        super(reason);
        this.line = line;
    }

    public FileRejectedException(String reason, int line, Throwable cause) {
        super(reason, cause);
        this.line = line;
    }

    /** The first bad line, 0 when the file has none to name. */
    public int line() {
        return line;
    }
}
