package dev.actionrec.train;

import dev.actionrec.Version;
import dev.actionrec.data.LabelledClip;
import dev.actionrec.data.SkippedFile;
import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.features.Backbone;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.model.ActionModel;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.model.TrainingSummary;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link ActionModel} from labelled clips: feature extraction (cached), the encoder
 * network, and the metadata that the model file records.
 */
public final class TrainingPipeline {

    private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);

    /** Receives progress: each extracted clip and each finished epoch. */
    public interface Listener {
        default void onExtracted(ExtractionResult result) {}

        default void onEpoch(EpochRecord record, ComputationGraph network) {}
    }

    /**
     * What to train.
     *
     * @param labels class labels; a clip's label must be one of them
     * @param training clips to fit on
     * @param validation clips for validation and early stopping; may be empty
     * @param splitDescription how the validation clips were chosen, recorded in the model file
     * @param encoder encoder configuration, sized for the backbone's features and the labels
     * @param options epochs, batch size, patience and seed
     * @param failFast stop at the first video that cannot be read
     * @param classWeighting how the loss weights each class
     * @param checkpoint file that receives the training state after every epoch, or null for
     *     none; see {@link TrainingCheckpoint#pathFor}
     * @param resume continue from {@code checkpoint} instead of starting from the first epoch
     */
    public record Request(
            List<String> labels,
            List<LabelledClip> training,
            List<LabelledClip> validation,
            String splitDescription,
            EncoderConfig encoder,
            TrainingOptions options,
            boolean failFast,
            ClassWeighting classWeighting,
            Path checkpoint,
            boolean resume) {}

    /**
     * The trained model and the clips that could not be used.
     *
     * @param model the model, ready to save
     * @param skipped videos that could not be read, with the reason
     * @param checkpoint the run's checkpoint file, or null without checkpoints
     */
    public record Outcome(ActionModel model, List<SkippedFile> skipped, Path checkpoint) {

        /**
         * Writes the model file atomically, then deletes the checkpoint, which is no longer
         * needed.
         *
         * @throws IOException if the model file cannot be written; the checkpoint is then kept
         */
        public void save(Path modelFile) throws IOException {
            model.save(modelFile);
            if (checkpoint != null) {
                Files.deleteIfExists(checkpoint);
            }
        }
    }

    private final Backbone backbone;
    private final SamplingParams sampling;
    private final FeatureExtractor extractor;

    /** Creates a pipeline whose features come from {@code extractor}. */
    public TrainingPipeline(Backbone backbone, SamplingParams sampling, FeatureExtractor extractor) {
        this.backbone = backbone;
        this.sampling = sampling;
        this.extractor = extractor;
    }

    /**
     * Extracts features, trains and returns the model.
     *
     * @throws TrainingException if a side has no usable clip left, the loss diverges, {@code
     *     failFast} is set and a video fails, or a checkpoint cannot be written or resumed (see
     *     {@link EncoderTraining#fit})
     */
    public Outcome run(Request request, Listener listener) {
        List<SkippedFile> skipped = new ArrayList<>();
        List<LabelledFeatures> training = extract(request, request.training(), skipped, listener);
        List<LabelledFeatures> validation =
                extract(request, request.validation(), skipped, listener);
        if (training.isEmpty()) {
            throw new TrainingException("no training clip could be read; see the errors above");
        }

        log.info("Training {} encoder on {} clips, validating on {}",
                request.encoder().type().cliName(), training.size(), validation.size());
        EncoderTraining.Fitted fitted =
                EncoderTraining.fit(request, training, validation, listener::onEpoch);
        Trainer.TrainingResult result = fitted.result();

        TrainingSummary summary = new TrainingSummary(result.history(), result.bestEpoch(),
                countPerLabel(request.labels(), training),
                countPerLabel(request.labels(), validation), request.splitDescription(),
                request.options().seed(), fitted.seconds(), Instant.now().toString(),
                weightsPerLabel(request.labels(), fitted.classWeights()));
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, Version.get(),
                List.copyOf(request.labels()),
                new ModelMetadata.BackboneInfo(backbone.id(), backbone.weightsSha256(),
                        backbone.inputSize(), backbone.featureSize()),
                new ModelMetadata.SamplingInfo(sampling.frames(), sampling.fps()),
                request.encoder().type().cliName(), encoderSettings(request.encoder()),
                result.normalizer(), summary);
        return new Outcome(new ActionModel(fitted.network(), metadata), skipped,
                request.checkpoint());
    }

    private List<LabelledFeatures> extract(Request request, List<LabelledClip> clips,
            List<SkippedFile> skipped, Listener listener) {
        List<Path> paths = clips.stream().map(LabelledClip::path).toList();
        List<ExtractionResult> results = extractor.extractAll(paths, listener::onExtracted,
                request.failFast());
        List<LabelledFeatures> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ExtractionResult result = results.get(i);
            if (!result.ok()) {
                skipped.add(new SkippedFile(result.video(), result.errorMessage()));
                if (request.failFast()) {
                    throw new TrainingException("stopped at the first unreadable video (--fail-fast): "
                            + result.errorMessage());
                }
                continue;
            }
            int label = request.labels().indexOf(clips.get(i).label());
            out.add(new LabelledFeatures(result.features(), label));
        }
        return out;
    }

    private static Map<String, Integer> countPerLabel(List<String> labels,
            List<LabelledFeatures> clips) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(label -> counts.put(label, 0));
        clips.forEach(clip -> counts.merge(labels.get(clip.label()), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Double> weightsPerLabel(List<String> labels, double[] weights) {
        if (weights == null) {
            return null;
        }
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.put(labels.get(i), weights[i]);
        }
        return byLabel;
    }

    private static Map<String, Object> encoderSettings(EncoderConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hiddenSize", config.hiddenSize());
        settings.put("layers", config.layers());
        settings.put("heads", config.heads());
        settings.put("ffSize", config.ffSize());
        settings.put("dropout", config.dropout());
        settings.put("learningRate", config.learningRate());
        settings.put("bidirectional", config.bidirectional());
        settings.put("seed", config.seed());
        settings.put("gradientNormalization", config.gradientNormalization().name());
        return settings;
    }
}
