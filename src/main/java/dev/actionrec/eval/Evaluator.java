package dev.actionrec.eval;

import dev.actionrec.data.LabelledClip;
import dev.actionrec.data.SkippedFile;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.model.ActionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs a model over labelled clips and builds the evaluation report. */
public final class Evaluator {

    private final ActionModel model;
    private final FeatureExtractor extractor;

    /** Creates an evaluator whose features come from {@code extractor}. */
    public Evaluator(ActionModel model, FeatureExtractor extractor) {
        this.model = model;
        this.extractor = extractor;
    }

    /**
     * The report, the per-clip predictions and the clips that could not be read.
     *
     * @param report accuracy, per-class metrics and confusion matrix
     * @param predictions one prediction per readable clip, in input order
     * @param skipped clips that could not be read, with the reason
     */
    public record Result(EvaluationReport report, List<Prediction> predictions,
            List<SkippedFile> skipped) {}

    /**
     * Evaluates the model on {@code clips}.
     *
     * @param topK k of the top-k accuracy
     * @param onEach called with each extraction result, for progress output
     * @throws IllegalArgumentException if a clip has a label the model was not trained on
     */
    public Result evaluate(List<LabelledClip> clips, int topK, boolean failFast,
            Consumer<ExtractionResult> onEach) {
        List<String> labels = model.metadata().labels();
        requireKnownLabels(clips, labels);

        Map<Path, LabelledClip> byPath = new HashMap<>();
        clips.forEach(clip -> byPath.put(clip.path(), clip));
        List<Path> paths = clips.stream().map(LabelledClip::path).toList();
        List<Prediction> predictions = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();

        for (ExtractionResult result : extractor.extractAll(paths, onEach, failFast)) {
            if (!result.ok()) {
                skipped.add(new SkippedFile(result.video(), result.errorMessage()));
                continue;
            }
            float[] probabilities = model.predict(List.of(result.features()), 1)[0];
            int actual = labels.indexOf(byPath.get(result.video()).label());
            predictions.add(new Prediction(result.video().toString(), actual, probabilities));
        }
        return new Result(EvaluationReport.of(labels, predictions, topK), predictions, skipped);
    }

    private static void requireKnownLabels(List<LabelledClip> clips, List<String> labels) {
        Set<String> unknown = new LinkedHashSet<>();
        for (LabelledClip clip : clips) {
            if (!labels.contains(clip.label())) {
                unknown.add(clip.label());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the data has label(s) " + unknown
                    + " that the model does not know; it was trained on " + labels
                    + ". Remove those class folders or train a model that includes them");
        }
    }
}
