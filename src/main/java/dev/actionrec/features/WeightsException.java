package dev.actionrec.features;

/**
 * Thrown when no intact weight file can be found, downloaded or converted. The message is one
 * line that names the file and states what to do, so a command line can print it as it is.
 */
public class WeightsException extends RuntimeException {

    /** Creates the exception with a one-line message. */
    public WeightsException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and the underlying cause. */
    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
