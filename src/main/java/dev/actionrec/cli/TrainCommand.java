package dev.actionrec.cli;

import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.GroupSplitter;
import dev.actionrec.data.LabelledClip;
import dev.actionrec.data.SkippedFile;
import dev.actionrec.data.Split;
import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import dev.actionrec.train.ClassWeighting;
import dev.actionrec.train.TrainingCheckpoint;
import dev.actionrec.train.TrainingOptions;
import dev.actionrec.train.TrainingPipeline;
import dev.actionrec.video.SamplingParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actionrec train}: trains a model on a labelled dataset and writes the model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model on labelled videos and write it to one model file.")
final class TrainCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset;

    @Option(names = {"-o", "--out"}, paramLabel = "MODEL", required = true,
            description = "Model file to write (written atomically).")
    Path out;

    @Option(names = "--split", paramLabel = "DIR",
            description = "Train only on the training list (train.txt) of a split written by"
                    + " 'actionrec split', or of UCF101's lists (see --split-index); its test list"
                    + " stays unseen.")
    Path splitDir;

    @Option(names = "--val-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Fraction of the training clips held out, by group, for validation and"
                    + " early stopping; 0 disables validation (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the split, weight initialisation and shuffling (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "Maximum passes over the training clips (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16",
            description = "Clips per gradient step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "8",
            description = "Stop after this many epochs without a lower validation loss; 0 never"
                    + " stops early (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--backbone", paramLabel = "ID", defaultValue = Backbones.DEFAULT_ID,
            description = "Frame backbone (default: ${DEFAULT-VALUE}); see 'actionrec backbones'.")
    String backboneId;

    @Option(names = "--class-weights", paramLabel = "auto|none|FILE", defaultValue = "none",
            description = "Weight of each class in the loss: auto (inverse class frequency of the"
                    + " training clips, mean 1), none, or a CSV file of label,weight lines"
                    + " (default: ${DEFAULT-VALUE}).")
    String classWeights;

    @Option(names = "--resume",
            description = "Continue an interrupted run from MODEL.checkpoint, which training"
                    + " writes after every epoch and deletes once MODEL is written. The data,"
                    + " labels and options must be the same as in the interrupted run.")
    boolean resume;

    @Mixin SamplingOptions sampling;
    @Mixin EncoderOptions encoderOptions;
    @Mixin ExtractionOptions extraction;

    @Override
    public Integer call() throws Exception {
        SamplingParams samplingParams = sampling.toParams();
        TrainingOptions options = new TrainingOptions(epochs, batchSize, patience, seed);
        // Reject a backbone the chosen engine cannot run before the dataset is scanned.
        Backbones.resolve(backboneId, extraction.engine);
        ClipDataset data = dataset.load();
        List<LabelledClip> pool =
                splitDir == null ? data.clips() : dataset.readSplit(splitDir, data).train();
        Split validationSplit = valFraction > 0
                ? new GroupSplitter(valFraction, seed).split(data.labels(), pool)
                : new Split(data.root(), data.labels(), pool, List.of(), OptionalLong.empty(),
                        OptionalDouble.empty());
        log.info("Dataset {}: {} clips in {} classes; validation split: {}", dataset.data,
                pool.size(), data.labels().size(), validationSplit.describe());

        try (Backbone backbone = extraction.openBackbone(backboneId, pool.size());
                FeatureExtractor extractor = new FeatureExtractor(backbone, samplingParams,
                        extraction.decodeTimeout(), extraction.cache(),
                        extraction.threads(pool.size()))) {
            EncoderConfig encoder = encoderOptions.toConfig(backbone.featureSize(),
                    data.labels().size(), seed, samplingParams.frames());
            TrainingPipeline.Request request = new TrainingPipeline.Request(data.labels(),
                    validationSplit.train(), validationSplit.heldOut(),
                    validationSplit.describe(), encoder, options, extraction.failFast,
                    ClassWeighting.parse(classWeights), TrainingCheckpoint.pathFor(out), resume);
            TrainingPipeline.Outcome outcome;
            try (Progress progress = Progress.start("Features", pool.size(), "clips")) {
                outcome = new TrainingPipeline(backbone, samplingParams, extractor)
                        .run(request, new Listener(new ExtractionLog(progress, pool.size())));
            }
            outcome.save(out);

            List<SkippedFile> skipped = new ArrayList<>(data.skipped());
            skipped.addAll(outcome.skipped());
            printSummary(outcome, skipped);
            return outcome.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.VIDEOS_FAILED;
        }
    }

    private void printSummary(TrainingPipeline.Outcome outcome, List<SkippedFile> skipped) {
        var summary = outcome.model().metadata().training();
        EpochRecord best = summary.epochs().get(summary.bestEpoch() - 1);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %s: %s encoder, best epoch %d of %d, validation"
                        + " accuracy %s, %.1f s of training%n",
                out, outcome.model().metadata().encoder(), summary.bestEpoch(),
                summary.epochs().size(), Format.percent(best.validationAccuracy()),
                summary.seconds());
        Format.printSkipped(stdout, skipped);
        stdout.flush();
    }

    /** Reports each extracted video and each epoch. */
    private static final class Listener implements TrainingPipeline.Listener {
        private final ExtractionLog extractionLog;

        Listener(ExtractionLog extractionLog) {
            this.extractionLog = extractionLog;
        }

        @Override
        public void onExtracted(ExtractionResult result) {
            extractionLog.accept(result);
        }

        @Override
        public void onEpoch(EpochRecord record, ComputationGraph network) {
            log.info(String.format(Locale.ROOT,
                    "Epoch %3d  train loss %.4f  validation loss %.4f  validation accuracy %s",
                    record.epoch(), record.trainLoss(), record.validationLoss(),
                    Format.percent(record.validationAccuracy())));
        }
    }
}
