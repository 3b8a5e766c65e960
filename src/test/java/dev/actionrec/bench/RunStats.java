package dev.actionrec.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: their median, minimum and maximum. */
public final class RunStats {

    private final List<Double> sorted;

    private RunStats(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        this.sorted = new ArrayList<>(values);
        Collections.sort(sorted);
    }

    /**
     * Returns the statistics of the given measurements.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public static RunStats of(List<Double> values) {
        return new RunStats(values);
    }

    /** Returns the number of measurements. */
    public int count() {
        return sorted.size();
    }

    /** Returns the median; for an even count, the upper of the two middle values. */
    public double median() {
        return sorted.get(sorted.size() / 2);
    }

    /** Returns the smallest measurement. */
    public double min() {
        return sorted.get(0);
    }

    /** Returns the largest measurement. */
    public double max() {
        return sorted.get(sorted.size() - 1);
    }

    /** Returns the statistics with every value transformed, for example to a rate. */
    public RunStats map(java.util.function.DoubleUnaryOperator function) {
        List<Double> mapped = new ArrayList<>();
        for (double value : sorted) {
            mapped.add(function.applyAsDouble(value));
        }
        return new RunStats(mapped);
    }

    /**
     * Formats as {@code median [min, max]} with {@code decimals} digits after the point, for
     * example {@code 658 [647, 699]}.
     */
    public String format(int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + ", " + number + "]",
                median(), min(), max());
    }
}
