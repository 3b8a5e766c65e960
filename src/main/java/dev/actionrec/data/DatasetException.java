package dev.actionrec.data;

import java.io.IOException;

/** Thrown when a dataset folder, manifest, group file or split list cannot be used. */
public class DatasetException extends IOException {

    /** Creates an exception whose message names the file and the fix. */
    public DatasetException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the file and the fix, with its cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
