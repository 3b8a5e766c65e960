package dev.actionrec.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Raised when a video file cannot be turned into sampled frames. The {@link Reason} identifies
 * the kind of failure, so a command line can map each one to its own exit code. {@link
 * #getMessage()} is a one-line message that names the file, the problem and what to do next.
 */
public class VideoDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Kind of decoding failure. */
    public enum Reason {
        /** The file does not exist or is a directory. */
        NOT_FOUND,
        /** The file has 0 bytes. */
        EMPTY_FILE,
        /** FFmpeg recognises no container format in the file. */
        NOT_A_VIDEO,
        /** The container has no video stream (audio only, or only attached cover art). */
        NO_VIDEO_STREAM,
        /** The container is cut short, for example an MP4 whose moov atom is missing. */
        TRUNCATED,
        /** A video stream exists but not a single frame of it decodes. */
        NO_DECODABLE_FRAMES,
        /** Decoding took longer than the configured decode timeout. */
        TIMEOUT,
        /** Any other FFmpeg failure: unsupported codec, decoder error, interrupted decode. */
        DECODE_FAILED
    }

    private final transient Path file;
    private final Reason reason;

    /**
     * Creates an exception for one file.
     *
     * @param file the video file that failed
     * @param reason kind of failure
     * @param message one-line message naming the file, the problem and the next step
     * @param cause underlying FFmpeg or I/O error, or {@code null}
     */
    public VideoDecodeException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = reason;
    }

    /** Creates an exception without an underlying cause. */
    public VideoDecodeException(Path file, Reason reason, String message) {
        this(file, reason, message, null);
    }

    /** Returns the video file that failed. */
    public Path file() {
        return file;
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}
