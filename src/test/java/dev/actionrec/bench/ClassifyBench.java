package dev.actionrec.bench;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.ClipFeatures;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.model.ActionModel;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures, in one warm process: ND4J's 2048x2048 float matrix multiply (the machine's floor),
 * model and backbone loading, and classifying one video split into frame sampling, the backbone
 * and the encoder. Prints medians of 5 runs after a warm-up, with min and max. Not a unit test:
 * run it through {@code scripts/bench}.
 *
 * <p>Arguments: MODEL VIDEO.
 */
public final class ClassifyBench {

    private static final int RUNS = 5;

    private ClassifyBench() {}

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        Path video = Path.of(args[1]);
        measureMatmul();

        long start = System.nanoTime();
        ActionModel model = ActionModel.load(modelFile);
        SamplingParams sampling = new SamplingParams(model.metadata().sampling().frames(),
                model.metadata().sampling().fps());
        try (Backbone backbone = Backbones.open(model.metadata().backbone().id(),
                WeightsOptions.defaults())) {
            System.out.printf(Locale.ROOT, "load model and backbone: %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
            FrameSampler sampler = new FrameSampler(sampling, backbone.inputSize(),
                    Duration.ofMinutes(2));
            List<Double> sample = new ArrayList<>();
            List<Double> cnn = new ArrayList<>();
            List<Double> encoder = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            int frames = 0;
            for (int run = 0; run <= RUNS; run++) {
                long t0 = System.nanoTime();
                SampledClip clip = sampler.sample(video);
                long t1 = System.nanoTime();
                INDArray vectors = backbone.features(clip.frames());
                long t2 = System.nanoTime();
                ClipFeatures features = new ClipFeatures(video, new long[clip.realSteps()],
                        vectors.castTo(DataType.FLOAT).toFloatMatrix());
                model.predict(List.of(features), 1);
                long t3 = System.nanoTime();
                frames = clip.realSteps();
                if (run > 0) {
                    sample.add((t1 - t0) / 1e6);
                    cnn.add((t2 - t1) / 1e6);
                    encoder.add((t3 - t2) / 1e6);
                    total.add((t3 - t0) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "warm classify of %s (%d frames), ms: %s%n",
                    video.getFileName(), frames, "median [min, max]");
            print("  frame sampling", sample);
            print("  backbone", cnn);
            System.out.printf(Locale.ROOT, "  backbone per frame: %.1f ms%n", median(cnn) / frames);
            print("  encoder", encoder);
            print("  total", total);
        }
    }

    private static void measureMatmul() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray b = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        a.mmul(b);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            a.mmul(b);
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double flops = 2.0 * 2048 * 2048 * 2048;
        System.out.printf(Locale.ROOT, "ND4J 2048x2048 float mmul: %.0f ms, %.1f GFLOP/s%n",
                median(times), flops / (median(times) * 1e6));
    }

    private static void print(String name, List<Double> values) {
        System.out.printf(Locale.ROOT, "%s: %.0f [%.0f, %.0f]%n", name, median(values),
                Collections.min(values), Collections.max(values));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
