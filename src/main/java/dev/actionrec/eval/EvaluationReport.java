package dev.actionrec.eval;

import dev.actionrec.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Results of a classifier on labelled clips: accuracy, top-k accuracy, mean class accuracy,
 * per-class precision, recall and F1, macro averages and the confusion matrix.
 *
 * <p>No value is ever NaN: a ratio with a zero denominator is 0. So a class that is never predicted
 * has precision 0, and with no predictions at all every accuracy is 0. Macro averages are taken
 * over the observed classes, those that have clips or were predicted. A class absent from both is
 * left out because it carries no evidence either way. Mean class accuracy is the mean recall over
 * the classes that have clips.
 */
public final class EvaluationReport {

    private final List<String> labels;
    private final List<Prediction> predictions;
    private final int topK;
    private final ConfusionMatrix matrix;
    private final List<ClassMetrics> classes;
    private final int topKCorrect;

    private EvaluationReport(List<String> labels, List<Prediction> predictions, int topK) {
        this.labels = List.copyOf(labels);
        this.predictions = List.copyOf(predictions);
        this.topK = topK;
        this.matrix = new ConfusionMatrix(labels);
        int inTopK = 0;
        for (Prediction prediction : predictions) {
            matrix.add(prediction.actual(), prediction.predicted());
            inTopK += prediction.isInTopK(topK) ? 1 : 0;
        }
        this.topKCorrect = inTopK;
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            metrics.add(ClassMetrics.of(matrix, c));
        }
        this.classes = List.copyOf(metrics);
    }

    /**
     * Evaluates predictions.
     *
     * @param labels class labels; prediction probabilities and true label indices refer to them
     * @param predictions one per clip
     * @param topK k for top-k accuracy; a k above the number of labels is lowered to it
     * @throws IllegalArgumentException if there are no labels, k is below 1, or a prediction has a
     *     different number of probabilities than there are labels
     */
    public static EvaluationReport of(List<String> labels, List<Prediction> predictions, int topK) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate without labels");
        }
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be at least 1, got " + topK);
        }
        for (Prediction prediction : predictions) {
            if (prediction.labelCount() != labels.size()) {
                throw new IllegalArgumentException(
                        "prediction for "
                                + prediction.path()
                                + " has "
                                + prediction.labelCount()
                                + " probabilities but the model has "
                                + labels.size()
                                + " labels "
                                + labels);
            }
        }
        return new EvaluationReport(labels, predictions, Math.min(topK, labels.size()));
    }

    /** Returns the labels, in index order. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the predictions evaluated, in the order given. */
    public List<Prediction> predictions() {
        return predictions;
    }

    /** Returns the confusion matrix, row = true label, column = predicted label. */
    public ConfusionMatrix confusionMatrix() {
        return matrix;
    }

    /** Returns the metrics of each class, in label order. */
    public List<ClassMetrics> classMetrics() {
        return classes;
    }

    /** Returns the number of clips evaluated. */
    public int count() {
        return predictions.size();
    }

    /** Returns the k used for top-k accuracy, at most the number of labels. */
    public int topK() {
        return topK;
    }

    /** Returns the number of clips whose most probable label is the true label. */
    public int correct() {
        return matrix.correct();
    }

    /** Returns the number of clips whose true label is among the k most probable. */
    public int topKCorrect() {
        return topKCorrect;
    }

    /** Returns the share of clips predicted correctly (top-1 accuracy), in [0, 1]. */
    public double accuracy() {
        return ClassMetrics.ratio(correct(), count());
    }

    /** Returns the share of clips whose true label is among the k most probable, in [0, 1]. */
    public double topKAccuracy() {
        return ClassMetrics.ratio(topKCorrect, count());
    }

    /** Returns the mean recall over classes that have clips (balanced accuracy), in [0, 1]. */
    public double meanClassAccuracy() {
        return mean(
                classes.stream()
                        .filter(m -> m.support() > 0)
                        .mapToDouble(ClassMetrics::recall)
                        .toArray());
    }

    /** Returns the mean precision over observed classes, in [0, 1]. */
    public double macroPrecision() {
        return mean(observed().mapToDouble(ClassMetrics::precision).toArray());
    }

    /** Returns the mean recall over observed classes, in [0, 1]. */
    public double macroRecall() {
        return mean(observed().mapToDouble(ClassMetrics::recall).toArray());
    }

    /** Returns the mean F1 over observed classes (macro-F1), in [0, 1]. */
    public double macroF1() {
        return mean(observed().mapToDouble(ClassMetrics::f1).toArray());
    }

    /**
     * Formats the report as aligned text tables for a terminal: per-class metrics with totals and
     * macro averages, the accuracies, then the confusion matrix.
     */
    public String toTable() {
        return ReportText.format(this);
    }

    /** Returns the report as pretty-printed JSON with every number and the confusion matrix. */
    public String toJson() {
        try {
            return ReportJson.format(this);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to format the report as JSON", e);
        }
    }

    /**
     * Writes {@link #toJson()} to a file atomically.
     *
     * @throws IOException if the file cannot be written
     */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * Writes one CSV row per clip atomically: path, true label, predicted label and one probability
     * column per label, named {@code prob_<label>}.
     *
     * @throws IOException if the file cannot be written
     */
    public void writePredictionsCsv(Path file) throws IOException {
        ReportCsv.writePredictions(this, file);
    }

    /**
     * Writes the confusion matrix as CSV atomically: one row per true label, one column per
     * predicted label.
     *
     * @throws IOException if the file cannot be written
     */
    public void writeConfusionCsv(Path file) throws IOException {
        ReportCsv.writeConfusion(this, file);
    }

    private Stream<ClassMetrics> observed() {
        return classes.stream().filter(ClassMetrics::isObserved);
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
