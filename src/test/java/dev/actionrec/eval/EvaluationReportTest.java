package dev.actionrec.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    private static final double EPS = 1e-9;
    private static final List<String> LABELS = List.of("run", "walk", "jump");

    @TempDir Path dir;

    private static Prediction prediction(String path, int actual, float... probabilities) {
        return new Prediction(path, actual, probabilities);
    }

    /**
     * Six clips, two per class. Confusion rows (run, walk, jump): [1 1 0], [1 1 0], [1 1 0], so
     * jump is never predicted. Five clips have the true label in their top 2.
     */
    private static EvaluationReport threeClassReport() {
        List<Prediction> predictions =
                List.of(
                        prediction("r1.mp4", 0, 0.7f, 0.2f, 0.1f),
                        prediction("r2.mp4", 0, 0.3f, 0.6f, 0.1f),
                        prediction("w1.mp4", 1, 0.1f, 0.8f, 0.1f),
                        prediction("w2.mp4", 1, 0.5f, 0.4f, 0.1f),
                        prediction("j1.mp4", 2, 0.2f, 0.5f, 0.3f),
                        prediction("j2.mp4", 2, 0.6f, 0.3f, 0.1f));
        return EvaluationReport.of(LABELS, predictions, 2);
    }

    @Test
    void confusionMatrixCounts() {
        ConfusionMatrix matrix = threeClassReport().confusionMatrix();

        assertArrayEquals(new int[][] {{1, 1, 0}, {1, 1, 0}, {1, 1, 0}}, matrix.toArray());
        assertEquals(1, matrix.truePositives(0));
        assertEquals(2, matrix.falsePositives(0));
        assertEquals(1, matrix.falseNegatives(0));
        assertEquals(0, matrix.falsePositives(2));
        assertEquals(2, matrix.falseNegatives(2));
        assertEquals(6, matrix.total());
        assertEquals(2, matrix.correct());
    }

    @Test
    void reportAccuracies() {
        EvaluationReport report = threeClassReport();

        assertEquals(2, report.correct());
        assertEquals(1.0 / 3, report.accuracy(), EPS);
        assertEquals(2, report.topK());
        assertEquals(5, report.topKCorrect());
        assertEquals(5.0 / 6, report.topKAccuracy(), EPS);
        assertEquals((0.5 + 0.5 + 0) / 3, report.meanClassAccuracy(), EPS);
    }

    @Test
    void reportPerClassAndMacro() {
        EvaluationReport report = threeClassReport();
        ClassMetrics run = report.classMetrics().get(0);
        ClassMetrics jump = report.classMetrics().get(2);

        assertEquals(2, run.support());
        assertEquals(1.0 / 3, run.precision(), EPS);
        assertEquals(0.5, run.recall(), EPS);
        assertEquals(0.4, run.f1(), EPS);
        assertEquals(0.0, jump.precision(), EPS);
        assertEquals(0.0, jump.recall(), EPS);
        assertEquals(0.0, jump.f1(), EPS);
        assertEquals(2.0 / 9, report.macroPrecision(), EPS);
        assertEquals(1.0 / 3, report.macroRecall(), EPS);
        assertEquals(0.8 / 3, report.macroF1(), EPS);
    }

    @Test
    void classPredictedButAbsentFromData() {
        List<String> labels = List.of("run", "walk", "swim", "jump");
        List<Prediction> predictions =
                List.of(
                        prediction("r.mp4", 0, 0.9f, 0.05f, 0.05f, 0f),
                        prediction("w1.mp4", 1, 0.1f, 0.3f, 0.6f, 0f),
                        prediction("w2.mp4", 1, 0.1f, 0.8f, 0.1f, 0f));

        EvaluationReport report = EvaluationReport.of(labels, predictions, 1);
        ClassMetrics swim = report.classMetrics().get(2);

        assertEquals(0, swim.support());
        assertEquals(1, swim.falsePositives());
        assertEquals(0.0, swim.precision(), EPS);
        assertEquals(0.0, swim.recall(), EPS);
        assertEquals((1 + 2.0 / 3 + 0) / 3, report.macroF1(), EPS);
        assertEquals((1 + 0.5) / 2, report.meanClassAccuracy(), EPS);
        assertEquals(2.0 / 3, report.topKAccuracy(), EPS);
    }

    @Test
    void emptyReportHasNoNaN() throws IOException {
        EvaluationReport report = EvaluationReport.of(LABELS, List.of(), 5);

        assertEquals(3, report.topK());
        assertEquals(0.0, report.accuracy());
        assertEquals(0.0, report.macroF1());
        assertEquals(0.0, report.meanClassAccuracy());
        assertFalse(report.toJson().contains("NaN"));
        assertFalse(report.toTable().contains("NaN"));
    }

    @Test
    void ofRejectsBadInput() {
        List<Prediction> twoLabels = List.of(prediction("a.mp4", 0, 0.5f, 0.5f));

        assertThrows(
                IllegalArgumentException.class, () -> EvaluationReport.of(LABELS, twoLabels, 1));
        assertThrows(
                IllegalArgumentException.class, () -> EvaluationReport.of(LABELS, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> prediction("a.mp4", 2, 0.5f, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> prediction("a.mp4", 0, Float.NaN, 1f));
    }

    @Test
    void predictionTiesGoToLowerIndex() {
        Prediction tie = prediction("a.mp4", 1, 0.4f, 0.4f, 0.2f);

        assertEquals(0, tie.predicted());
        assertFalse(tie.isInTopK(1));
        assertTrue(tie.isInTopK(2));
        assertArrayEquals(new int[] {0, 1}, tie.topK(2));
    }

    @Test
    void tableRowsAlign() {
        EvaluationReport report = threeClassReport();
        List<String> classLines = ReportText.classTable(report).format().lines().toList();
        List<String> matrixLines =
                ReportText.confusionTable(report.confusionMatrix()).format().lines().toList();

        assertEquals(6, classLines.size());
        for (String line : classLines) {
            assertEquals(classLines.get(0).length(), line.length(), line);
        }
        assertEquals(4, matrixLines.size());
        for (String line : matrixLines) {
            assertEquals(matrixLines.get(0).length(), line.length(), line);
        }
        assertTrue(classLines.get(1).startsWith("run "), classLines.get(1));
        assertTrue(classLines.get(1).endsWith("0.333   0.500  0.400"), classLines.get(1));
    }

    @Test
    void tableListsSummary() {
        String table = threeClassReport().toTable();

        assertTrue(table.contains("\ntop-2 accuracy       0.833    5/6\n"), table);
        assertTrue(
                table.contains("\nmacro average                     0.222   0.333  0.267\n"),
                table);
        assertTrue(table.contains("true \\ predicted"), table);
    }

    @Test
    void jsonHasNumbersAndMatrix() throws IOException {
        Path file = dir.resolve("report.json");
        threeClassReport().writeJson(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertEquals(6, json.get("count").asInt());
        assertEquals(1.0 / 3, json.get("accuracy").asDouble(), EPS);
        assertEquals(5.0 / 6, json.get("topKAccuracy").asDouble(), EPS);
        assertEquals(0.4, json.get("classes").get(0).get("f1").asDouble(), EPS);
        assertEquals("jump", json.get("classes").get(2).get("label").asText());
        assertEquals(1, json.get("confusionMatrix").get("counts").get(2).get(0).asInt());
    }

    @Test
    void predictionsCsvHasProbabilityColumns() throws IOException {
        Path file = dir.resolve("predictions.csv");
        threeClassReport().writePredictionsCsv(file);

        List<String> lines = Files.readAllLines(file);

        assertEquals(7, lines.size());
        assertEquals("path,true_label,predicted_label,prob_run,prob_walk,prob_jump", lines.get(0));
        assertEquals("r2.mp4,run,walk,0.3,0.6,0.1", lines.get(2));
    }

    @Test
    void confusionCsvHasRowsPerTrueLabel() throws IOException {
        Path file = dir.resolve("confusion.csv");
        threeClassReport().writeConfusionCsv(file);

        List<String> lines = Files.readAllLines(file);

        assertEquals(
                List.of("true_label,run,walk,jump", "run,1,1,0", "walk,1,1,0", "jump,1,1,0"),
                lines);
    }
}
