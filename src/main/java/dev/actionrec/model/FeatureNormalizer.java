package dev.actionrec.model;

import dev.actionrec.features.ClipFeatures;
import java.util.Arrays;
import java.util.List;

/**
 * Per-dimension standardisation of frame feature vectors, fitted on the real (unmasked) steps of
 * the training set and stored inside the model file.
 *
 * <p>A dimension whose standard deviation in training is below {@link #MIN_STD} is only centred,
 * not scaled, so a dimension that was constant in training cannot explode at inference.
 *
 * @param mean per-dimension mean, length = feature size
 * @param std per-dimension divisor, each at least {@link #MIN_STD}
 */
public record FeatureNormalizer(float[] mean, float[] std) {

    /** Smallest divisor used; smaller standard deviations are replaced by 1. */
    public static final float MIN_STD = 1e-4f;

    public FeatureNormalizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(
                    "normaliser mean has " + mean.length + " values but std has " + std.length);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] >= MIN_STD) || !Float.isFinite(mean[i])) {
                throw new IllegalArgumentException(
                        "normaliser dimension " + i + " is invalid: mean " + mean[i] + ", std " + std[i]);
            }
        }
    }

    /**
     * Fits the normaliser on every real step of the given clips.
     *
     * @throws IllegalArgumentException if the list is empty or feature sizes differ
     */
    public static FeatureNormalizer fit(List<ClipFeatures> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("cannot fit the feature normaliser on no clips");
        }
        int featureSize = clips.get(0).featureSize();
        double[] sum = new double[featureSize];
        double[] sumSquares = new double[featureSize];
        long count = 0;

        for (ClipFeatures clip : clips) {
            requireSize(clip, featureSize);
            for (float[] vector : clip.vectors()) {
                count++;
                for (int f = 0; f < featureSize; f++) {
                    double v = vector[f];
                    sum[f] += v;
                    sumSquares[f] += v * v;
                }
            }
        }

        float[] mean = new float[featureSize];
        float[] std = new float[featureSize];
        for (int f = 0; f < featureSize; f++) {
            double m = sum[f] / count;
            double s = Math.sqrt(Math.max(0, sumSquares[f] / count - m * m));
            mean[f] = (float) m;
            std[f] = s < MIN_STD ? 1f : (float) s;
        }
        return new FeatureNormalizer(mean, std);
    }

    /** Returns the feature size this normaliser was fitted on. */
    public int featureSize() {
        return mean.length;
    }

    /**
     * Returns a standardised copy of a clip's features.
     *
     * @throws IllegalArgumentException if the feature size differs from the fitted one
     */
    public ClipFeatures apply(ClipFeatures clip) {
        requireSize(clip, mean.length);
        float[][] out = new float[clip.steps()][mean.length];
        for (int t = 0; t < clip.steps(); t++) {
            float[] vector = clip.vectors()[t];
            for (int f = 0; f < mean.length; f++) {
                out[t][f] = (vector[f] - mean[f]) / std[f];
            }
        }
        return new ClipFeatures(clip.source(), clip.timestampsMicros(), out);
    }

    private static void requireSize(ClipFeatures clip, int featureSize) {
        if (clip.featureSize() != featureSize) {
            throw new IllegalArgumentException(clip.source() + " has " + clip.featureSize()
                    + "-d features but the model expects " + featureSize);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureNormalizer n
                && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
