package dev.actionrec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.actionrec.features.Backbone;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.model.ActionModel;
import dev.actionrec.model.Classification;
import dev.actionrec.model.ModelMetadata;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoDecodeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code actionrec classify}: prints the top-k actions of each video. */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classify videos with a trained model and print the top-k actions of each.")
final class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files to classify.")
    List<Path> videos;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", required = true,
            description = "Model file written by 'actionrec train'.")
    Path modelFile;

    @Option(names = {"-k", "--top-k"}, paramLabel = "K", defaultValue = "3",
            description = "Number of labels printed per video (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin ExtractionOptions extraction;

    @Override
    public Integer call() throws Exception {
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be at least 1, got " + topK);
        }
        ActionModel model = ActionModel.load(modelFile);
        ModelMetadata metadata = model.metadata();
        SamplingParams sampling = new SamplingParams(metadata.sampling().frames(),
                metadata.sampling().fps());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Map<String, Object>> documents = new ArrayList<>();
        Set<VideoDecodeException.Reason> failures = EnumSet.noneOf(VideoDecodeException.Reason.class);
        boolean otherFailure = false;

        try (Backbone backbone = extraction.openBackbone(metadata.backbone().id(), videos.size());
                FeatureExtractor extractor = new FeatureExtractor(backbone, sampling,
                        extraction.decodeTimeout(), extraction.cache(),
                        extraction.threads(videos.size()))) {
            model.requireBackbone(modelFile, backbone);
            List<ExtractionResult> results = extractor.extractAll(videos, result -> {}, extraction.failFast);
            for (ExtractionResult result : results) {
                if (!result.ok()) {
                    err.println("actionrec: error: " + result.errorMessage());
                    err.flush();
                    if (result.error() instanceof VideoDecodeException decode) {
                        failures.add(decode.reason());
                    } else {
                        otherFailure = true;
                    }
                    documents.add(errorDocument(result));
                    continue;
                }
                float[] probabilities = model.predict(List.of(result.features()), 1)[0];
                Classification classification =
                        Classification.of(metadata.labels(), probabilities, topK);
                documents.add(document(result, classification));
                if (!json) {
                    printText(out, result, classification);
                }
            }
        }
        if (json) {
            out.println(JSON.writeValueAsString(documents));
        }
        out.flush();
        return exitCode(failures, otherFailure);
    }

    private static int exitCode(Set<VideoDecodeException.Reason> failures, boolean otherFailure) {
        if (failures.isEmpty() && !otherFailure) {
            return ExitCodes.OK;
        }
        if (failures.size() == 1 && !otherFailure) {
            return ExitCodes.forVideo(failures.iterator().next());
        }
        return ExitCodes.VIDEOS_FAILED;
    }

    private static void printText(PrintWriter out, ExtractionResult result,
            Classification classification) {
        out.printf(Locale.ROOT, "%s (%d frames)%n", result.video(), result.features().steps());
        int rank = 1;
        for (Classification.Entry entry : classification.top()) {
            out.printf(Locale.ROOT, "  %d. %-24s %6.2f%%%n", rank++, entry.label(),
                    100 * entry.probability());
        }
    }

    private static Map<String, Object> document(ExtractionResult result,
            Classification classification) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", result.video().toString());
        document.put("frames", result.features().steps());
        document.put("top", classification.top());
        return document;
    }

    private static Map<String, Object> errorDocument(ExtractionResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", result.video().toString());
        document.put("error", result.errorMessage());
        if (result.error() instanceof VideoDecodeException decode) {
            document.put("reason", decode.reason().name());
        }
        return document;
    }
}
