package dev.actionrec.eval;

import dev.actionrec.model.TrainingSummary;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the charts of a report folder with XChart.
 *
 * <p>NOTE: drawing text needs at least one font the JDK can find through fontconfig. A minimal
 * container without fonts (tested here only with DejaVu installed) may fail at this point.
 */
final class ReportCharts {

    private static final int CELL_SIZE = 70;
    private static final int LONG_LABEL = 8;
    private static final int MAX_LABEL = 24;
    private static final int MANY_LABELS = 12;
    private static final int CURVE_WIDTH = 560;
    private static final int CURVE_HEIGHT = 380;
    private static final Color LOW = new Color(247, 251, 255);
    private static final Color HIGH = new Color(66, 146, 198);

    private ReportCharts() {}

    /**
     * Draws the confusion matrix as a heat map with the count in each cell: rows are true labels,
     * top to bottom in label order, and columns are predicted labels.
     */
    static BufferedImage confusionHeatMap(ConfusionMatrix matrix) {
        List<String> labels = axisLabels(matrix.labels());
        int n = labels.size();
        int plotSide = Math.max(200, Math.min(1200, CELL_SIZE * n));
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        int labelSpace = 7 * longest;
        boolean rotated = longest > LONG_LABEL;
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(plotSide + 160 + labelSpace)
                        .height(plotSide + 160 + (rotated ? labelSpace : 20))
                        .title("Confusion matrix")
                        .xAxisTitle("predicted label")
                        .yAxisTitle("true label")
                        .build();
        styleHeatMap(chart, rotated, labels.size(), maxCount(matrix));

        // XChart puts y index 0 at the bottom, so the rows go in reverse to read top-down.
        List<String> rows = new ArrayList<>(labels);
        Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                int count = matrix.count(actual, predicted);
                cells.add(new Number[] {predicted, n - 1 - actual, count});
            }
        }
        chart.addSeries("clips", labels, rows, cells);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void styleHeatMap(HeatMapChart chart, boolean rotated, int n, int max) {
        int valueFontSize = n > MANY_LABELS ? 10 : 14;
        chart.getStyler()
                .setShowValue(true)
                .setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, valueFontSize))
                .setValueFontColor(Color.BLACK)
                .setRangeColors(new Color[] {LOW, HIGH})
                .setMin(0)
                .setMax(Math.max(1, max))
                .setHeatMapValueDecimalPattern("0")
                .setDrawBorder(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (rotated) {
            // XChart 3.8.8 left out a long tick label at 45 degrees but draws all at 90.
            chart.getStyler().setXAxisLabelRotation(90);
        }
    }

    /**
     * Shortens labels longer than {@link #MAX_LABEL} characters, which the HTML tables show in
     * full. Numbers the labels when shortening makes two of them equal, because XChart merges
     * equal categories.
     */
    static List<String> axisLabels(List<String> labels) {
        List<String> shortened = new ArrayList<>();
        for (String label : labels) {
            shortened.add(label.length() <= MAX_LABEL
                    ? label : label.substring(0, MAX_LABEL - 1) + "\u2026");
        }
        if (new HashSet<>(shortened).size() == shortened.size()) {
            return shortened;
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < shortened.size(); i++) {
            numbered.add((i + 1) + ". " + shortened.get(i));
        }
        return numbered;
    }

    private static int maxCount(ConfusionMatrix matrix) {
        int max = 0;
        for (int[] row : matrix.toArray()) {
            for (int count : row) {
                max = Math.max(max, count);
            }
        }
        return max;
    }

    /**
     * Draws the training curves side by side: train and validation loss per epoch, and validation
     * accuracy per epoch. A vertical line marks the kept epoch in both.
     *
     * @throws IllegalArgumentException if the summary has no epochs
     */
    static BufferedImage trainingCurves(TrainingSummary training) {
        List<EpochRecord> epochs = training.epochs();
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("the training summary has no epochs to plot");
        }
        XYChart loss = curveChart("Loss (kept epoch " + training.bestEpoch() + ")",
                "cross-entropy", training.bestEpoch());
        addSeries(loss, "train loss", epochs, EpochRecord::trainLoss);
        addSeries(loss, "validation loss", epochs, EpochRecord::validationLoss);

        XYChart accuracy = curveChart("Validation accuracy", "top-1 accuracy",
                training.bestEpoch());
        accuracy.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        if (!addSeries(accuracy, "validation accuracy", epochs,
                EpochRecord::validationAccuracy)) {
            // XChart cannot draw an empty chart, and a flat line at 0 would be false.
            accuracy.setTitle("Validation accuracy (no validation set)");
            accuracy.addSeries("no validation set", new double[] {1}, new double[] {0})
                    .setMarker(SeriesMarkers.NONE);
        }
        return sideBySide(BitmapEncoder.getBufferedImage(loss),
                BitmapEncoder.getBufferedImage(accuracy));
    }

    private static XYChart curveChart(String title, String yTitle, int bestEpoch) {
        XYChart chart =
                new XYChartBuilder()
                        .width(CURVE_WIDTH)
                        .height(CURVE_HEIGHT)
                        .title(title)
                        .xAxisTitle("epoch")
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.addAnnotation(new AnnotationLine(bestEpoch, true, false));
        return chart;
    }

    /** Adds the finite values of one per-epoch quantity; returns false when there are none. */
    private static boolean addSeries(XYChart chart, String name, List<EpochRecord> epochs,
            ToDoubleFunction<EpochRecord> value) {
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochRecord epoch : epochs) {
            double v = value.applyAsDouble(epoch);
            if (Double.isFinite(v)) {
                x.add(epoch.epoch());
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return false;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        return true;
    }

    private static BufferedImage sideBySide(BufferedImage left, BufferedImage right) {
        int height = Math.max(left.getHeight(), right.getHeight());
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = both.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, both.getWidth(), height);
            graphics.drawImage(left, 0, 0, null);
            graphics.drawImage(right, left.getWidth(), 0, null);
        } finally {
            graphics.dispose();
        }
        return both;
    }
}
