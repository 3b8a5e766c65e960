package dev.actionrec.cli;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.BackboneInfo;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.WeightFile;
import dev.actionrec.features.WeightStore;
import dev.actionrec.features.WeightsException;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.video.VideoFrame;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code actionrec backbones}: lists the frame backbones, their sizes and weight files, whether
 * the weights are present locally, and optionally the measured time per frame.
 */
@Command(name = "backbones", mixinStandardHelpOptions = true,
        description = "List the frame backbones with input size, feature size, parameter count,"
                + " weight file and whether it is present locally (nothing is downloaded).")
final class BackbonesCommand implements Callable<Integer> {

    /** Largest --batch: 1,000 frames of 227x227 random pixels need about 150 MB of heap. */
    private static final int MAX_BATCH = 1000;

    private static final String ROW = "%-16s %-7s %8s %12s %-11s %9s  %-44s %s%n";

    @Spec CommandSpec spec;

    @Mixin ExtractionOptions extraction;

    @Option(names = "--measure",
            description = "Also time a forward pass of a batch of random frames through every"
                    + " backbone whose weights are present, in milliseconds per frame.")
    boolean measure;

    @Option(names = "--batch", paramLabel = "FRAMES", defaultValue = "30",
            description = "Frames per timed batch for --measure, 1 to 1000 (default:"
                    + " ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() {
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be between 1 and " + MAX_BATCH
                    + " frames, got " + batch);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, ROW, "backbone", "input", "features", "parameters",
                "engine", "ms/frame", "weight file", "local copy");
        for (BackboneInfo info : Backbones.infos()) {
            Path local = localCopy(info.weights());
            String engine = engine(info);
            String time = measure && local != null && engine != null
                    ? String.format(Locale.ROOT, "%.1f", millisPerFrame(info)) : "-";
            out.printf(Locale.ROOT, ROW, info.id(), info.inputSize() + "x" + info.inputSize(),
                    info.featureSize(), String.format(Locale.ROOT, "%,d", info.parameterCount()),
                    engine != null ? engine : "dl4j only", time, describe(info.weights()),
                    local != null ? local : "missing (downloaded on first use from "
                            + info.weights().url() + ")");
            out.flush();
        }
        if (measure) {
            out.printf(Locale.ROOT, "ms/frame: wall-clock time of one pass of %d random frames"
                    + " after a warm-up pass, on this machine (%d cores)%n", batch,
                    Runtime.getRuntime().availableProcessors());
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Returns the engine {@code --engine} resolves to for a backbone, or null if it cannot run there. */
    private String engine(BackboneInfo info) {
        try {
            return Backbones.resolve(info.id(), extraction.engine).id();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(WeightFile weights) {
        String size = weights.hasKnownSize()
                ? String.format(Locale.ROOT, "%,d KiB", weights.sizeBytes() / 1024) : "size n/a";
        return weights.fileName() + " (" + size + ")";
    }

    /**
     * Returns the verified local weight file, or null. A {@code --weights} file that belongs to
     * another backbone does not hide this backbone's own copy.
     */
    private Path localCopy(WeightFile weights) {
        WeightsOptions options = extraction.weightsOptions().withDownload(false);
        try {
            return new WeightStore(options).locate(weights);
        } catch (WeightsException e) {
            if (options.weightsFile() == null) {
                return null;
            }
        }
        try {
            return new WeightStore(options.withWeightsFile(null)).locate(weights);
        } catch (WeightsException e) {
            return null;
        }
    }

    /** Returns the time of one warm forward pass of {@code --batch} frames, per frame. */
    private double millisPerFrame(BackboneInfo info) {
        List<VideoFrame> frames = randomFrames(info.inputSize());
        WeightsOptions options = extraction.weightsOptions().withDownload(false);
        try (Backbone backbone = open(info, options)) {
            backbone.features(frames.subList(0, 1));
            long start = System.nanoTime();
            backbone.features(frames);
            return (System.nanoTime() - start) / 1e6 / frames.size();
        }
    }

    private Backbone open(BackboneInfo info, WeightsOptions options) {
        try {
            return extraction.openBackbone(info.id(), options, 1);
        } catch (WeightsException e) {
            return extraction.openBackbone(info.id(), options.withWeightsFile(null), 1);
        }
    }

    private List<VideoFrame> randomFrames(int size) {
        Random random = new Random(0);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            byte[] rgb = new byte[size * size * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(i * 40_000L, size, size, rgb));
        }
        return frames;
    }
}
