package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times MobileNetV2 on ONNX Runtime, 30 frames per call, for forward passes of 30, 10 and 5
 * frames under each {@link OnnxBackbone.SessionTuning},
 * interleaving the settings round by round so that a change in machine load hits all of them.
 * Prints median, min and max milliseconds per frame and the peak resident memory. Not a unit
 * test: run it with {@code scripts/bench-onnx}.
 *
 * <p>Arguments: [ROUNDS [THREADS]], default 7 rounds on all processors.
 */
public final class OnnxTuningBench {

    private OnnxTuningBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Backbones.defaultThreads();
        Path home = Files.createTempDirectory("actionrec-bench");
        WeightsOptions options = WeightsOptions.defaults().withHome(home);
        byte[] model = OnnxModels.export(MobileNetV2Backbone.ID, options);
        List<VideoFrame> frames = randomFrames(30);

        Map<String, OnnxBackbone> backbones = new LinkedHashMap<>();
        for (int batch : new int[] {30, 10, 5}) {
            for (boolean arena : new boolean[] {false, true}) {
                for (boolean spinning : new boolean[] {false, true}) {
                    var tuning = new OnnxBackbone.SessionTuning(arena, spinning);
                    String name = String.format(Locale.ROOT, "batch %2d, arena %-5s, spinning %-5s",
                            batch, arena, spinning);
                    backbones.put(name, new OnnxBackbone(Backbones.MOBILENET_V2_INFO, model,
                            "bench", threads, batch, MobileNetV2Backbone.FEATURE_SIZE, tuning));
                }
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (var entry : backbones.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().features(frames);
                double millis = (System.nanoTime() - start) / 1e6 / frames.size();
                if (round > 0) {
                    times.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(millis);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d threads, 30 frames per call, %d rounds%n", threads,
                rounds);
        for (var entry : times.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%s  median %.2f ms/frame [%.2f, %.2f]%n",
                    entry.getKey(), sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
        backbones.values().forEach(OnnxBackbone::close);
    }

    private static List<VideoFrame> randomFrames(int count) {
        Random random = new Random(0);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[224 * 224 * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(i, 224, 224, rgb));
        }
        return frames;
    }
}
