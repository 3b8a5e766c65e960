package dev.actionrec.features.tflite;

import java.io.IOException;

/** Thrown when a file is not a TFLite flatbuffer or uses a feature the reader does not support. */
public class TfliteFormatException extends IOException {

    /** Creates the exception with a message that names the file and the problem. */
    public TfliteFormatException(String message) {
        super(message);
    }
}
