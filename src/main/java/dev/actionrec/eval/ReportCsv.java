package dev.actionrec.eval;

import dev.actionrec.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the CSV files of an {@link EvaluationReport}. */
final class ReportCsv {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private ReportCsv() {}

    static void writePredictions(EvaluationReport report, Path file) throws IOException {
        List<String> labels = report.labels();
        List<String> header = new ArrayList<>(List.of("path", "true_label", "predicted_label"));
        for (String label : labels) {
            header.add("prob_" + label);
        }
        AtomicFiles.write(
                file,
                out -> {
                    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                            CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                        printer.printRecord(header);
                        for (Prediction prediction : report.predictions()) {
                            List<String> row = new ArrayList<>();
                            row.add(prediction.path());
                            row.add(labels.get(prediction.actual()));
                            row.add(labels.get(prediction.predicted()));
                            for (int c = 0; c < labels.size(); c++) {
                                row.add(Float.toString(prediction.probability(c)));
                            }
                            printer.printRecord(row);
                        }
                    }
                });
    }

    static void writeConfusion(EvaluationReport report, Path file) throws IOException {
        ConfusionMatrix matrix = report.confusionMatrix();
        List<String> labels = matrix.labels();
        List<String> header = new ArrayList<>(List.of("true_label"));
        header.addAll(labels);
        AtomicFiles.write(
                file,
                out -> {
                    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                            CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                        printer.printRecord(header);
                        for (int actual = 0; actual < labels.size(); actual++) {
                            List<Object> row = new ArrayList<>();
                            row.add(labels.get(actual));
                            for (int predicted = 0; predicted < labels.size(); predicted++) {
                                row.add(matrix.count(actual, predicted));
                            }
                            printer.printRecord(row);
                        }
                    }
                });
    }
}
