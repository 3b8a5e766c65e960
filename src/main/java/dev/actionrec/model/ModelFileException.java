package dev.actionrec.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file is missing, unreadable, not an actionrec model, or does not fit the request. */
public class ModelFileException extends IOException {

    private final Path file;

    public ModelFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public ModelFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** Returns the model file concerned. */
    public Path file() {
        return file;
    }
}
