package dev.actionrec.features;

import dev.actionrec.bench.BackboneTiming;
import dev.actionrec.video.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures feature extraction time per frame of every backbone with random weights (the time
 * does not depend on the weight values). Prints the median wall-clock and process CPU time per
 * frame over several rounds, after one warm-up pass. Not a unit test: run it by hand, for example
 * {@code java -cp ... dev.actionrec.features.AllBackbonesBenchmark 3 30 resnet50 vgg16:8}, where
 * {@code id:n} overrides the frames per pass of one backbone.
 */
public final class AllBackbonesBenchmark {

    private AllBackbonesBenchmark() {}

    /** Prints one line per backbone: frames per pass and median wall and CPU ms per frame. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int defaultBatch = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> ids = args.length > 2
                ? Arrays.asList(args).subList(2, args.length) : Backbones.ids();
        for (String spec : ids) {
            String[] parts = spec.split(":");
            int batch = parts.length > 1 ? Integer.parseInt(parts[1]) : defaultBatch;
            measure(parts[0], batch, rounds);
        }
    }

    private static void measure(String id, int batch, int rounds) {
        BackboneInfo info = Backbones.info(id);
        List<VideoFrame> frames = randomFrames(batch, info.inputSize());
        BackboneTiming timing;
        try (Backbone backbone = Backbones.openRandom(id, 1, batch)) {
            timing = BackboneTiming.measure(backbone, frames, rounds);
        }
        System.out.printf("%-16s batch %2d: %8.1f ms/frame wall, %8.1f ms/frame CPU"
                + " (medians of %d rounds, %d cores)%n", id, batch,
                timing.wallMsPerFrame().median(), timing.cpuMsPerFrame().median(), rounds,
                Runtime.getRuntime().availableProcessors());
    }

    private static List<VideoFrame> randomFrames(int count, int size) {
        Random random = new Random(3);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[size * size * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(i * 40_000L, size, size, rgb));
        }
        return frames;
    }
}
