package dev.actionrec.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class weighting of the training loss: none, inverse class frequency, or weights from a CSV
 * file of {@code label,weight} lines.
 *
 * @param mode the weighting
 * @param file the CSV file for {@link Mode#FILE}, null otherwise
 */
public record ClassWeighting(Mode mode, Path file) {

    /** The kinds of class weighting. */
    public enum Mode {
        /** Every class has weight 1. */
        NONE,
        /** Inverse class frequency in the training clips, scaled to a mean of 1. */
        AUTO,
        /** Weights read from a CSV file. */
        FILE
    }

    /** No class weighting. */
    public static final ClassWeighting NONE = new ClassWeighting(Mode.NONE, null);

    /** Inverse class frequency weighting. */
    public static final ClassWeighting AUTO = new ClassWeighting(Mode.AUTO, null);

    public ClassWeighting {
        if ((mode == Mode.FILE) != (file != null)) {
            throw new IllegalArgumentException(
                    "a CSV file is required for FILE class weights, and only for them");
        }
    }

    /** Parses {@code auto}, {@code none} or a CSV file path, as {@code --class-weights} takes. */
    public static ClassWeighting parse(String value) {
        return switch (value) {
            case "auto" -> AUTO;
            case "none" -> NONE;
            default -> new ClassWeighting(Mode.FILE, Path.of(value));
        };
    }

    /**
     * Computes the weight of each label.
     *
     * @param labels class labels, in output order
     * @param training the training clips, for {@link Mode#AUTO}
     * @return one weight per label, or null for {@link Mode#NONE}
     * @throws TrainingException if the CSV file cannot be read or is invalid
     */
    public double[] resolve(List<String> labels, List<LabelledFeatures> training) {
        return switch (mode) {
            case NONE -> null;
            case AUTO -> inverseFrequency(labels.size(), training);
            case FILE -> readCsv(file, labels);
        };
    }

    /**
     * Returns {@code 1 / count} per class, scaled so that the weights of the classes present in
     * {@code training} average 1. A class without training clips gets weight 1, which has no
     * effect because no training target contains it.
     */
    static double[] inverseFrequency(int numClasses, List<LabelledFeatures> training) {
        int[] counts = new int[numClasses];
        training.forEach(clip -> counts[clip.label()]++);
        double[] weights = new double[numClasses];
        double sum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            if (counts[c] > 0) {
                weights[c] = 1.0 / counts[c];
                sum += weights[c];
                present++;
            }
        }
        for (int c = 0; c < numClasses; c++) {
            weights[c] = counts[c] > 0 ? weights[c] * present / sum : 1.0;
        }
        return weights;
    }

    /**
     * Reads {@code label,weight} lines. Blank lines, lines starting with {@code #} and a {@code
     * label,weight} header are skipped. Every label needs exactly one finite weight of 0 or more.
     */
    static double[] readCsv(Path file, List<String> labels) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrainingException("cannot read the class weights file " + file + " ("
                    + e + "); pass an existing CSV file of label,weight lines, or auto or none");
        }
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("label,weight")) {
                continue;
            }
            parseLine(file, i + 1, line, labels, byLabel);
        }
        double[] weights = new double[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            Double weight = byLabel.get(labels.get(c));
            if (weight == null) {
                throw new TrainingException(file + " has no weight for label '" + labels.get(c)
                        + "'; add a line '" + labels.get(c) + ",WEIGHT' for every label");
            }
            weights[c] = weight;
        }
        if (Arrays.stream(weights).allMatch(w -> w == 0)) {
            throw new TrainingException(file + " gives every label weight 0; at least one weight"
                    + " must be positive");
        }
        return weights;
    }

    private static void parseLine(Path file, int lineNumber, String line, List<String> labels,
            Map<String, Double> byLabel) {
        int comma = line.lastIndexOf(',');
        String where = file + " line " + lineNumber + " ('" + line + "')";
        if (comma < 0) {
            throw new TrainingException(where + " is not in the form label,weight");
        }
        String label = line.substring(0, comma).strip();
        if (!labels.contains(label)) {
            throw new TrainingException(where + " names unknown label '" + label
                    + "'; the labels are " + labels);
        }
        double weight;
        try {
            weight = Double.parseDouble(line.substring(comma + 1).strip());
        } catch (NumberFormatException e) {
            throw new TrainingException(where + " has an invalid weight; use a number such as 1.5");
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new TrainingException(where + " has weight " + weight
                    + "; a weight must be finite and 0 or more");
        }
        if (byLabel.put(label, weight) != null) {
            throw new TrainingException(where + " repeats label '" + label + "'");
        }
    }
}
