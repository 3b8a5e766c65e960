package dev.actionrec.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Formats an {@link EvaluationReport} as a JSON tree of plain maps and lists. */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {}

    static String format(EvaluationReport report) throws JsonProcessingException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(report));
    }

    static Map<String, Object> toTree(EvaluationReport report) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("labels", report.labels());
        tree.put("count", report.count());
        tree.put("correct", report.correct());
        tree.put("accuracy", report.accuracy());
        tree.put("topK", report.topK());
        tree.put("topKCorrect", report.topKCorrect());
        tree.put("topKAccuracy", report.topKAccuracy());
        tree.put("meanClassAccuracy", report.meanClassAccuracy());
        tree.put("macroPrecision", report.macroPrecision());
        tree.put("macroRecall", report.macroRecall());
        tree.put("macroF1", report.macroF1());
        tree.put("classes", classes(report));
        tree.put("confusionMatrix", confusion(report.confusionMatrix()));
        return tree;
    }

    private static List<Map<String, Object>> classes(EvaluationReport report) {
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassMetrics m : report.classMetrics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", m.label());
            entry.put("support", m.support());
            entry.put("truePositives", m.truePositives());
            entry.put("falseNegatives", m.falseNegatives());
            entry.put("falsePositives", m.falsePositives());
            entry.put("precision", m.precision());
            entry.put("recall", m.recall());
            entry.put("f1", m.f1());
            classes.add(entry);
        }
        return classes;
    }

    private static Map<String, Object> confusion(ConfusionMatrix matrix) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rows", "true label");
        entry.put("columns", "predicted label");
        entry.put("labels", matrix.labels());
        entry.put("counts", matrix.toArray());
        return entry;
    }
}
