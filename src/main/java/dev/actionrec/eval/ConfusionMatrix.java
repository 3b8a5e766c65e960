package dev.actionrec.eval;

import java.util.List;

/**
 * Counts of (true label, predicted label) pairs: row = true label, column = predicted label.
 *
 * <p>For class c, true positives are the diagonal cell, false negatives the rest of row c and false
 * positives the rest of column c.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final int[][] counts;

    /**
     * Creates an empty matrix.
     *
     * @param labels the class labels; a label's index is its position here
     * @throws IllegalArgumentException if there are no labels
     */
    public ConfusionMatrix(List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one label");
        }
        this.labels = List.copyOf(labels);
        this.counts = new int[labels.size()][labels.size()];
    }

    /**
     * Counts one clip.
     *
     * @throws IndexOutOfBoundsException if an index is not a label index
     */
    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    /**
     * Counts one clip by label names.
     *
     * @throws IllegalArgumentException if a name is not one of the labels
     */
    public void add(String actual, String predicted) {
        add(indexOf(actual), indexOf(predicted));
    }

    /** Returns the labels, in index order. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the number of clips of true label {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Returns the number of clips of class c predicted as c. */
    public int truePositives(int c) {
        return counts[c][c];
    }

    /** Returns the number of clips of other classes predicted as c. */
    public int falsePositives(int c) {
        return predictedCount(c) - counts[c][c];
    }

    /** Returns the number of clips of class c predicted as another class. */
    public int falseNegatives(int c) {
        return support(c) - counts[c][c];
    }

    /** Returns the number of clips whose true label is c (the row sum). */
    public int support(int c) {
        int sum = 0;
        for (int count : counts[c]) {
            sum += count;
        }
        return sum;
    }

    /** Returns the number of clips predicted as c (the column sum). */
    public int predictedCount(int c) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** Returns the number of clips counted. */
    public int total() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += support(c);
        }
        return sum;
    }

    /** Returns the number of clips on the diagonal (predicted correctly). */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** Returns a copy of the counts, {@code [true label][predicted label]}. */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    private int indexOf(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "unknown label '" + label + "'; expected one of " + labels);
        }
        return index;
    }
}
