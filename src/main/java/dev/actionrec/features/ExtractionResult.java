package dev.actionrec.features;

import java.nio.file.Path;

/**
 * The outcome of extracting one video's features: either the features or the error.
 *
 * @param video the input file
 * @param features the features, or null when extraction failed
 * @param error why extraction failed, or null on success
 * @param cached whether the features came from the feature cache
 */
public record ExtractionResult(Path video, ClipFeatures features, Exception error, boolean cached) {

    static ExtractionResult success(Path video, ClipFeatures features, boolean cached) {
        return new ExtractionResult(video, features, null, cached);
    }

    static ExtractionResult failure(Path video, Exception error) {
        return new ExtractionResult(video, null, error, false);
    }

    /** Returns whether features were extracted. */
    public boolean ok() {
        return features != null;
    }

    /** Returns a one-line reason for a failure, or an empty string on success. */
    public String errorMessage() {
        if (error == null) {
            return "";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
