package org.tongxin.ingest.load;

/** The folder as a whole cannot be loaded; nothing was written. */
public class IngestRefusedException extends Exception {
    public IngestRefusedException(String message) {
        super(message);
    }
}
