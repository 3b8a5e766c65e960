package dev.actionrec.bench;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.ExtractionResult;
import dev.actionrec.features.FeatureExtractor;
import dev.actionrec.features.InferenceEngine;
import dev.actionrec.features.ThreadSettings;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compares thread settings for feature extraction with MobileNetV2 on ONNX Runtime, 30 frames at
 * 1 fps and no feature cache. It measures the warm classify path of one video in ms, and batch
 * extraction of the first clips of a two-class folder in clips per minute. The settings run in
 * turn within each repeat, so a change in machine load spreads over all of them. Prints median
 * [min, max] over the repeats. Not a unit test: run it through {@code scripts/bench-threads}.
 *
 * <p>Arguments: VIDEO DATASET CLIPS REPEATS SETTING... where DATASET contains the class folders
 * {@code fight} and {@code noFight}, whose sorted files are taken in alternation, and each
 * SETTING is a {@code --threads} value.
 */
public final class ThreadSplitBench {

    private static final String BACKBONE = "mobilenetv2";
    private static final SamplingParams SAMPLING = new SamplingParams(30, 1.0);
    private static final Duration DECODE_TIMEOUT = Duration.ofMinutes(2);

    private ThreadSplitBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: ThreadSplitBench VIDEO DATASET CLIPS REPEATS SETTING...");
            System.exit(2);
        }
        Path video = Path.of(args[0]);
        List<Path> clips = firstClips(Path.of(args[1]), Integer.parseInt(args[2]));
        int repeats = Integer.parseInt(args[3]);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            candidates.add(new Candidate(ThreadSettings.parse(args[i])));
        }
        System.out.printf(Locale.ROOT, "defaults on %d processors: one video %s; several %s%n",
                Runtime.getRuntime().availableProcessors(), ThreadSettings.defaults(1),
                ThreadSettings.defaults(2));
        System.out.printf(Locale.ROOT, "classify: %s; batch: %d clips from %s; %d repeats%n",
                video.getFileName(), clips.size(), args[1], repeats);

        try {
            for (Candidate candidate : candidates) {
                candidate.open();
                candidate.classifyMillis(video);
            }
            for (int repeat = 0; repeat < repeats; repeat++) {
                for (Candidate candidate : candidates) {
                    candidate.classify.add(candidate.classifyMillis(video));
                    candidate.batch.add(candidate.clipsPerMinute(clips));
                }
            }
        } finally {
            candidates.forEach(Candidate::close);
        }

        System.out.printf(Locale.ROOT, "%-34s %-26s %s%n", "setting",
                "classify ms", "batch clips/min");
        for (Candidate candidate : candidates) {
            System.out.printf(Locale.ROOT, "%-34s %-26s %s%n", candidate.settings,
                    summary(candidate.classify, "%.0f"), summary(candidate.batch, "%.1f"));
        }
    }

    /** Returns the first {@code count} clips, alternating between the two class folders. */
    private static List<Path> firstClips(Path dataset, int count) throws IOException {
        List<Path> fight = sortedFiles(dataset.resolve("fight"));
        List<Path> noFight = sortedFiles(dataset.resolve("noFight"));
        List<Path> clips = new ArrayList<>();
        for (int i = 0; clips.size() < count && (i < fight.size() || i < noFight.size()); i++) {
            if (i < fight.size()) {
                clips.add(fight.get(i));
            }
            if (i < noFight.size() && clips.size() < count) {
                clips.add(noFight.get(i));
            }
        }
        return clips;
    }

    private static List<Path> sortedFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String summary(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median,
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** One thread setting with its open backbone and extractor, and its measurements. */
    private static final class Candidate {

        final ThreadSettings settings;
        final List<Double> classify = new ArrayList<>();
        final List<Double> batch = new ArrayList<>();
        Backbone backbone;
        FeatureExtractor extractor;

        Candidate(ThreadSettings settings) {
            this.settings = settings;
        }

        void open() {
            backbone = Backbones.open(BACKBONE, WeightsOptions.defaults(),
                    InferenceEngine.ONNXRUNTIME, settings.engineThreads());
            extractor = new FeatureExtractor(backbone, SAMPLING, DECODE_TIMEOUT, null, settings);
        }

        double classifyMillis(Path video) {
            long start = System.nanoTime();
            List<ExtractionResult> results = extractor.extractAll(List.of(video), r -> {}, true);
            double millis = (System.nanoTime() - start) / 1e6;
            requireOk(results);
            return millis;
        }

        double clipsPerMinute(List<Path> clips) {
            long start = System.nanoTime();
            List<ExtractionResult> results = extractor.extractAll(clips, r -> {}, false);
            double seconds = (System.nanoTime() - start) / 1e9;
            requireOk(results);
            return clips.size() * 60 / seconds;
        }

        private static void requireOk(List<ExtractionResult> results) {
            for (ExtractionResult result : results) {
                if (!result.ok()) {
                    throw new IllegalStateException(result.video() + ": " + result.errorMessage());
                }
            }
        }

        void close() {
            if (extractor != null) {
                extractor.close();
            }
            if (backbone != null) {
                backbone.close();
            }
        }
    }
}
