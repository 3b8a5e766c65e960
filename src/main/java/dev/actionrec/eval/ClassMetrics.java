package dev.actionrec.eval;

/**
 * Per-class results of an evaluation. Ratios are in [0, 1] and are 0, never NaN, when their
 * denominator is 0.
 *
 * @param label the class label
 * @param support number of clips of this class (tp + fn)
 * @param truePositives clips of this class predicted as it
 * @param falseNegatives clips of this class predicted as another class
 * @param falsePositives clips of other classes predicted as this class
 * @param precision tp / (tp + fp), or 0 when the class was never predicted
 * @param recall tp / (tp + fn), or 0 when the class has no clips
 * @param f1 harmonic mean of precision and recall, or 0 when both are 0
 */
public record ClassMetrics(
        String label,
        int support,
        int truePositives,
        int falseNegatives,
        int falsePositives,
        double precision,
        double recall,
        double f1) {

    /** Computes the metrics of class c from a confusion matrix. */
    static ClassMetrics of(ConfusionMatrix matrix, int c) {
        int tp = matrix.truePositives(c);
        int fn = matrix.falseNegatives(c);
        int fp = matrix.falsePositives(c);
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double sum = precision + recall;
        double f1 = sum == 0 ? 0 : 2 * precision * recall / sum;
        return new ClassMetrics(matrix.labels().get(c), tp + fn, tp, fn, fp, precision, recall, f1);
    }

    /** Returns whether the class has clips or was predicted, so that it enters macro averages. */
    public boolean isObserved() {
        return support > 0 || falsePositives > 0;
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }
}
