package dev.actionrec.eval;

import java.util.List;
import java.util.Locale;

/** Formats an {@link EvaluationReport} as aligned text tables. */
final class ReportText {

    private ReportText() {}

    static String format(EvaluationReport report) {
        return classTable(report).format()
                + "\n"
                + summaryTable(report).format()
                + "\n"
                + "Confusion matrix (rows: true label, columns: predicted label)\n"
                + confusionTable(report.confusionMatrix()).format();
    }

    static TextTable classTable(EvaluationReport report) {
        TextTable table =
                new TextTable("class", "n", "tp", "fn", "fp", "precision", "recall", "F1");
        int n = 0;
        int tp = 0;
        int fn = 0;
        int fp = 0;
        for (ClassMetrics m : report.classMetrics()) {
            table.addRow(
                    m.label(),
                    count(m.support()),
                    count(m.truePositives()),
                    count(m.falseNegatives()),
                    count(m.falsePositives()),
                    ratio(m.precision()),
                    ratio(m.recall()),
                    ratio(m.f1()));
            n += m.support();
            tp += m.truePositives();
            fn += m.falseNegatives();
            fp += m.falsePositives();
        }
        table.addRow("total", count(n), count(tp), count(fn), count(fp));
        table.addRow(
                "macro average",
                "",
                "",
                "",
                "",
                ratio(report.macroPrecision()),
                ratio(report.macroRecall()),
                ratio(report.macroF1()));
        return table;
    }

    private static TextTable summaryTable(EvaluationReport report) {
        TextTable table = new TextTable("metric", "value", "clips");
        table.addRow("accuracy", ratio(report.accuracy()), report.correct() + "/" + report.count());
        table.addRow(
                "top-" + report.topK() + " accuracy",
                ratio(report.topKAccuracy()),
                report.topKCorrect() + "/" + report.count());
        table.addRow("mean class accuracy", ratio(report.meanClassAccuracy()));
        table.addRow("macro-F1", ratio(report.macroF1()));
        return table;
    }

    static TextTable confusionTable(ConfusionMatrix matrix) {
        List<String> labels = matrix.labels();
        String[] header = new String[labels.size() + 1];
        header[0] = "true \\ predicted";
        for (int c = 0; c < labels.size(); c++) {
            header[c + 1] = labels.get(c);
        }
        TextTable table = new TextTable(header);
        for (int actual = 0; actual < labels.size(); actual++) {
            String[] row = new String[labels.size() + 1];
            row[0] = labels.get(actual);
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                row[predicted + 1] = count(matrix.count(actual, predicted));
            }
            table.addRow(row);
        }
        return table;
    }

    private static String count(int value) {
        return Integer.toString(value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
