package dev.actionrec.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top-k labels of one prediction, most probable first.
 *
 * @param top up to k entries, sorted by descending probability (ties by label order)
 */
public record Classification(List<Entry> top) {

    /**
     * One label with its softmax probability.
     *
     * @param label class label
     * @param probability softmax probability in [0, 1]
     */
    public record Entry(String label, double probability) {}

    /**
     * Returns the {@code k} most probable labels.
     *
     * @throws IllegalArgumentException if the sizes differ or {@code k} is below 1
     */
    public static Classification of(List<String> labels, float[] probabilities, int k) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for "
                    + labels.size() + " labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            entries.add(new Entry(labels.get(i), probabilities[i]));
        }
        entries.sort(Comparator.comparingDouble(Entry::probability).reversed());
        return new Classification(List.copyOf(entries.subList(0, Math.min(k, entries.size()))));
    }

    /** Returns the most probable label. */
    public String best() {
        return top.get(0).label();
    }
}
