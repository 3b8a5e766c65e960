package dev.actionrec.cli;

import dev.actionrec.video.VideoDecodeException;

/** Exit statuses of the {@code actionrec} command, one per kind of failure. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** An unexpected internal error; run with {@code -v} for the stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /** Invalid command line (picocli's usage error status). */
    public static final int USAGE = 2;
    /** The model file is missing, damaged, or does not fit the request. */
    public static final int MODEL_FILE = 3;
    /** Backbone weights are missing, damaged, or cannot be downloaded. */
    public static final int WEIGHTS = 4;
    /** The dataset folder, manifest or split cannot be used. */
    public static final int DATASET = 5;
    /** Training stopped, for example on a NaN loss. */
    public static final int TRAINING = 6;
    /** Videos failed for different reasons (each is reported on its own line). */
    public static final int VIDEOS_FAILED = 10;

    private ExitCodes() {}

    /**
     * Returns the exit status for a video that could not be read: 11 not found, 12 empty file,
     * 13 not a video, 14 no video stream, 15 truncated, 16 no decodable frames, 17 timed out,
     * 18 other decoding failure.
     */
    public static int forVideo(VideoDecodeException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 11;
            case EMPTY_FILE -> 12;
            case NOT_A_VIDEO -> 13;
            case NO_VIDEO_STREAM -> 14;
            case TRUNCATED -> 15;
            case NO_DECODABLE_FRAMES -> 16;
            case TIMEOUT -> 17;
            case DECODE_FAILED -> 18;
        };
    }
}
