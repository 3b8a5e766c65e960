package dev.actionrec.features;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The feature vectors of one video's real steps.
 *
 * @param source the video file
 * @param timestampsMicros presentation timestamp of each sampled frame, in microseconds
 * @param vectors {@code [steps][featureSize]} feature vectors, one per real step
 */
public record ClipFeatures(Path source, long[] timestampsMicros, float[][] vectors) {

    public ClipFeatures {
        if (timestampsMicros.length != vectors.length) {
            throw new IllegalArgumentException(timestampsMicros.length + " timestamps for "
                    + vectors.length + " feature vectors of " + source);
        }
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no real steps for " + source);
        }
    }

    /** Returns the number of real steps. */
    public int steps() {
        return vectors.length;
    }

    /** Returns the length of each feature vector. */
    public int featureSize() {
        return vectors[0].length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClipFeatures c
                && source.equals(c.source)
                && Arrays.equals(timestampsMicros, c.timestampsMicros)
                && Arrays.deepEquals(vectors, c.vectors);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + Arrays.deepHashCode(vectors);
    }
}
