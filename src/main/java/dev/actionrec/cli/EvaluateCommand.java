package dev.actionrec.cli;

import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.LabelledClip;
import dev.actionrec.data.SkippedFile;
import dev.actionrec.data.Split;
import dev.actionrec.eval.EvaluationReport;
import dev.actionrec.eval.Evaluator;
import dev.actionrec.eval.ReportFolder;
import dev.actionrec.eval.VideoThumbnails;
import dev.actionrec.features.Backbone;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.model.ActionModel;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.video.SamplingParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actionrec evaluate}: accuracy report of a model on labelled videos. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model on labelled videos: accuracy, per-class precision, recall"
                + " and F1, and the confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(EvaluateCommand.class);

    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", required = true,
            description = "Model file written by 'actionrec train'.")
    Path modelFile;

    @Option(names = "--split", paramLabel = "DIR",
            description = "Evaluate only the test list (test.txt) of a split written by"
                    + " 'actionrec split', or of UCF101's lists (see --split-index).")
    Path splitDir;

    @Option(names = {"-k", "--top-k"}, paramLabel = "K", defaultValue = "2",
            description = "k of the top-k accuracy (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--json", description = "Print the full report as JSON instead of tables.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write a report folder here: index.html (one self-contained page),"
                    + " report.json, predictions.csv, confusion.csv, confusion.png and"
                    + " training.png.")
    Path reportDir;

    @Mixin ExtractionOptions extraction;

    @Override
    public Integer call() throws Exception {
        ActionModel model = ActionModel.load(modelFile);
        ModelMetadata metadata = model.metadata();
        ClipDataset data = dataset.loadForEvaluation();
        Split split = splitDir == null ? null : dataset.readSplit(splitDir, data);
        List<LabelledClip> clips = split == null ? data.clips() : split.heldOut();
        String splitDescription = split == null ? null
                : "test list of " + splitDir + ": " + split.heldOut().size() + " clips "
                        + split.heldOutCountsPerClass() + ", beside " + split.train().size()
                        + " training clips";
        SamplingParams sampling = new SamplingParams(metadata.sampling().frames(),
                metadata.sampling().fps());
        log.info("Evaluating {} on {} clips", modelFile, clips.size());

        Evaluator.Result result;
        try (Backbone backbone = extraction.openBackbone(metadata.backbone().id(), clips.size());
                FeatureExtractor extractor = new FeatureExtractor(backbone, sampling,
                        extraction.decodeTimeout(), extraction.cache(),
                        extraction.threads(clips.size()));
                Progress progress = Progress.start("Evaluate", clips.size(), "clips")) {
            model.requireBackbone(modelFile, backbone);
            result = new Evaluator(model, extractor).evaluate(clips, topK, extraction.failFast,
                    new ExtractionLog(progress, clips.size()));
        }

        EvaluationReport report = result.report();
        List<SkippedFile> skipped = new ArrayList<>(data.skipped());
        skipped.addAll(result.skipped());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            out.println(report.toTable());
            Format.printSkipped(out, skipped);
        }
        if (reportDir != null) {
            ReportFolder.write(reportDir, report, metadata, skipped, splitDescription,
                    new VideoThumbnails(sampling, VideoThumbnails.DEFAULT_SIZE,
                            extraction.decodeTimeout()));
        }
        out.flush();
        return result.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.VIDEOS_FAILED;
    }
}
