package dev.actionrec.bench;

import dev.actionrec.features.Backbones;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.features.InferenceEngine;
import dev.actionrec.features.ThreadSettings;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.model.ActionModel;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoDecodeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the feature extraction of {@code actionrec train}: {@link FeatureExtractor#extractAll}
 * over a labelled folder with the model's sampling, the default engine and no feature cache, in
 * clips per minute. Decoding runs on a background thread ahead of the backbone, so it also
 * reports the sum of the per-stage times against the wall time. The backbone's time is summed
 * during the pipelined pass. The decoding time comes from a second, decode-only pass over the
 * same clips. Reports its rows through {@link BenchRows}. Not a unit test: run it through
 * {@code scripts/bench}.
 *
 * <p>Arguments: MODEL FOLDER [CLIPS], where CLIPS (default all) clips are spread evenly over the
 * folder's sorted clip list.
 */
public final class ExtractionBench {

    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(120);

    private ExtractionBench() {}

    /**
     * Runs the measurement.
     *
     * @throws Exception when the model, the weights or the folder cannot be read
     */
    public static void main(String[] args) throws Exception {
        ActionModel model = ActionModel.load(Path.of(args[0]));
        Path folder = Path.of(args[1]);
        List<Path> clips = args.length > 2
                ? BenchClips.spread(folder, Integer.parseInt(args[2]))
                : BenchClips.all(folder);
        SamplingParams sampling = new SamplingParams(model.metadata().sampling().frames(),
                model.metadata().sampling().fps());
        String id = model.metadata().backbone().id();
        InferenceEngine engine = Backbones.resolve(id, InferenceEngine.AUTO);

        double wallSeconds;
        double backboneSeconds;
        long frames;
        int failed = 0;
        // The threads that 'actionrec train' uses for this many clips.
        ThreadSettings threads = ThreadSettings.defaults(clips.size());
        try (TimedBackbone backbone = new TimedBackbone(Backbones.open(id,
                        WeightsOptions.defaults(), engine, threads.engineThreads()));
                FeatureExtractor extractor = new FeatureExtractor(backbone, sampling,
                        DECODE_TIMEOUT, null, threads)) {
            extractor.extract(clips.get(0));
            double warmUpSeconds = backbone.seconds();
            long warmUpFrames = backbone.frames();
            long start = System.nanoTime();
            List<ExtractionResult> results = extractor.extractAll(clips, result -> {}, false);
            wallSeconds = (System.nanoTime() - start) / 1e9;
            backboneSeconds = backbone.seconds() - warmUpSeconds;
            frames = backbone.frames() - warmUpFrames;
            for (ExtractionResult result : results) {
                failed += result.ok() ? 0 : 1;
            }
        }
        List<Double> decodeMillis = decodeOnly(clips, sampling, Backbones.info(id).inputSize());
        double decodeSeconds = decodeMillis.stream().mapToDouble(Double::doubleValue).sum() / 1e3;

        String conditions = String.format(Locale.ROOT, "%d clips of %s (%d failed), %d frames at %s"
                        + " fps (the model's sampling), %s, no feature cache; 1 pass after"
                        + " 1 warm-up clip", clips.size(), folder.getFileName(), failed,
                sampling.frames(), sampling.fps(), engine + " engine, threads " + threads);
        BenchRows.add("batch: train feature extraction",
                String.format(Locale.ROOT, "%.1f clips per minute", clips.size() * 60
                        / wallSeconds),
                String.format(Locale.ROOT, "%.1f s wall; %s", wallSeconds, conditions));
        BenchRows.add("batch: stage times vs wall",
                String.format(Locale.ROOT, "decoding %.1f s + backbone %.1f s = %.1f s;"
                                + " wall %.1f s", decodeSeconds, backboneSeconds,
                        decodeSeconds + backboneSeconds, wallSeconds),
                String.format(Locale.ROOT, "backbone summed in the pipelined pass (%d frames,"
                                + " %.1f ms per frame); decoding from a decode-only pass over the"
                                + " same clips, %s ms per clip; wall minus backbone, mostly"
                                + " waiting for decoding: %.1f s", frames,
                        backboneSeconds * 1e3 / Math.max(1, frames),
                        RunStats.of(decodeMillis).format(0),
                        Math.max(0, wallSeconds - backboneSeconds)));
    }

    /** Samples every clip with the sampler alone and returns the milliseconds per clip. */
    private static List<Double> decodeOnly(List<Path> clips, SamplingParams sampling,
            int cropSize) {
        FrameSampler sampler = new FrameSampler(sampling, cropSize, DECODE_TIMEOUT);
        List<Double> millis = new ArrayList<>();
        for (Path clip : clips) {
            long start = System.nanoTime();
            try {
                sampler.sample(clip);
            } catch (VideoDecodeException e) {
                System.err.println("decode-only pass: " + e.getMessage());
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}
