package dev.actionrec.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's output for one clip, with the clip's true label.
 *
 * <p>Ties between equal probabilities are broken towards the lower label index, both for the
 * predicted label and for top-k.
 *
 * @param path the clip, as shown in reports
 * @param actual index of the true label
 * @param probabilities softmax output, one value per label, {@code [labels]}
 */
public record Prediction(String path, int actual, float[] probabilities) {

    /**
     * Validates and copies the probabilities.
     *
     * @throws IllegalArgumentException if the probabilities are empty or contain NaN, or the actual
     *     index is outside them
     */
    public Prediction {
        Objects.requireNonNull(path, "path");
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("prediction for " + path + " has no probabilities");
        }
        if (actual < 0 || actual >= probabilities.length) {
            throw new IllegalArgumentException(
                    "prediction for "
                            + path
                            + " has true label index "
                            + actual
                            + " but "
                            + probabilities.length
                            + " probabilities");
        }
        for (float p : probabilities) {
            if (Float.isNaN(p)) {
                throw new IllegalArgumentException(
                        "prediction for "
                                + path
                                + " has a NaN probability; the model output is invalid");
            }
        }
        probabilities = probabilities.clone();
    }

    /** Returns a copy of the probabilities, {@code [labels]}. */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** Returns the number of labels. */
    public int labelCount() {
        return probabilities.length;
    }

    /** Returns the probability of label {@code index}. */
    public float probability(int index) {
        return probabilities[index];
    }

    /** Returns the index of the highest probability (argmax). */
    public int predicted() {
        return topK(1)[0];
    }

    /** Returns whether the true label is among the {@code k} most probable labels. */
    public boolean isInTopK(int k) {
        return rank(actual) < k;
    }

    /**
     * Returns the indices of the {@code k} most probable labels, most probable first; fewer when
     * there are fewer labels.
     */
    public int[] topK(int k) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
        int n = Math.min(k, order.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        return top;
    }

    /** Returns the 0-based rank of a label: the number of labels ranked before it. */
    private int rank(int index) {
        int rank = 0;
        for (int i = 0; i < probabilities.length; i++) {
            boolean higher = probabilities[i] > probabilities[index];
            boolean tiedBefore = probabilities[i] == probabilities[index] && i < index;
            if (higher || tiedBefore) {
                rank++;
            }
        }
        return rank;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that
                && path.equals(that.path)
                && actual == that.actual
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, actual, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "Prediction["
                + path
                + ", actual "
                + actual
                + ", "
                + Arrays.toString(probabilities)
                + "]";
    }
}
