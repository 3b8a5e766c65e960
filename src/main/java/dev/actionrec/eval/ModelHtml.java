package dev.actionrec.eval;

import static dev.actionrec.eval.Html.escape;

import dev.actionrec.model.ModelMetadata;
import dev.actionrec.model.TrainingSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Formats the model and split sections of the HTML report. */
final class ModelHtml {

    private ModelHtml() {}

    /** Returns the model section: encoder, backbone, sampling, labels and training summary. */
    static String modelSection(ModelMetadata model) {
        StringBuilder html = new StringBuilder("<section id=\"model\">\n<h2>Model</h2>\n"
                + "<table class=\"kv\">\n");
        row(html, "encoder", model.encoder() + " " + model.encoderSettings());
        ModelMetadata.BackboneInfo backbone = model.backbone();
        row(html, "backbone", String.format(Locale.ROOT,
                "%s (input %d x %d px, %d features per frame)", backbone.id(),
                backbone.inputSize(), backbone.inputSize(), backbone.featureSize()));
        row(html, "backbone weights SHA-256", backbone.weightsSha256());
        row(html, "sampling", String.format(Locale.ROOT, "%d frames at %s frames per second",
                model.sampling().frames(), model.sampling().fps()));
        row(html, "labels", String.join(", ", model.labels()));
        row(html, "actionrec version", model.actionrecVersion());
        TrainingSummary training = model.training();
        if (training != null) {
            trainingRows(html, training, model.labels());
        }
        return html.append("</table>\n</section>\n").toString();
    }

    private static void trainingRows(StringBuilder html, TrainingSummary training,
            List<String> labels) {
        row(html, "validation split", training.split());
        row(html, "best epoch", training.bestEpoch() + " of " + training.epochs().size());
        row(html, "training clips per class", counts(training.trainClips(), labels));
        row(html, "validation clips per class", counts(training.validationClips(), labels));
        row(html, "seed", Long.toString(training.seed()));
        row(html, "training time", String.format(Locale.ROOT, "%.1f s", training.seconds()));
        row(html, "model written", training.createdAt());
    }

    /**
     * Returns the section on the evaluated clips: the split the test clips came from, or that all
     * clips of the data were used.
     */
    static String splitSection(String splitDescription, int clipCount) {
        String text = splitDescription == null
                ? "All " + clipCount + " readable clips of the data folder (no --split given)."
                : splitDescription;
        return "<section id=\"split\">\n<h2>Evaluated clips</h2>\n<p>" + escape(text)
                + "</p>\n</section>\n";
    }

    /** Returns "total {label=count, ...}" with the labels in model order, then any others. */
    private static String counts(Map<String, Integer> perClass, List<String> labels) {
        if (perClass == null || perClass.isEmpty()) {
            return "none";
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String label : labels) {
            if (perClass.containsKey(label)) {
                ordered.put(label, perClass.get(label));
            }
        }
        new TreeMap<>(perClass).forEach(ordered::putIfAbsent);
        int total = ordered.values().stream().mapToInt(Integer::intValue).sum();
        return total + " " + ordered;
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(escape(key)).append("</th><td>")
                .append(escape(value == null ? "unknown" : value)).append("</td></tr>\n");
    }
}
