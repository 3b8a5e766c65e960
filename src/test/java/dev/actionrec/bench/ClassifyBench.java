package dev.actionrec.bench;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.ClipFeatures;
import dev.actionrec.features.InferenceEngine;
import dev.actionrec.features.ThreadSettings;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.features.onnx.OnnxMatMulFloor;
import dev.actionrec.model.ActionModel;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures, in one warm process: ND4J's 2048x2048 float matrix multiply (the machine's floor),
 * MobileNetV2 features per frame on each inference engine, model and backbone loading, and
 * classifying one video split into frame sampling, the backbone and the encoder. Reports
 * medians after a warm-up run, with min and max, through {@link BenchRows}. Not a unit test: run
 * it through {@code scripts/bench}.
 *
 * <p>Arguments: MODEL VIDEO [RUNS], where RUNS (default 5) is the number of timed runs.
 */
public final class ClassifyBench {

    /**
     * Floating-point operations of one MobileNetV2 1.0 forward pass at 224x224: 300 million
     * multiply-adds, the figure of the MobileNetV2 paper (Sandler et al., CVPR 2018) and of
     * TensorFlow Lite's hosted-model list, counted as two operations each.
     */
    static final double MOBILENET_V2_GFLOP_PER_FRAME = 0.6;

    private static final SamplingParams ENGINE_FRAMES = new SamplingParams(30, 1.0);

    private ClassifyBench() {}

    /**
     * Runs the measurements.
     *
     * @throws Exception when the model, the weights or the video cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        Path video = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        measureMatmul(runs);
        measureEngines(video, runs);
        measureClassify(modelFile, video, runs);
    }

    private static void measureMatmul(int runs) throws Exception {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray b = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        a.mmul(b);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            a.mmul(b);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        double gflop = 2.0 * 2048 * 2048 * 2048 / 1e9;
        RunStats times = RunStats.of(millis);
        BenchRows.add("floor: ND4J 2048x2048 float matrix multiply",
                times.map(ms -> gflop / (ms / 1e3)).format(1) + " GFLOP/s",
                times.format(1) + " ms per multiply; " + runs + " runs after 1 warm-up;"
                        + " ND4J's oneDNN AVX2 build");

        int threads = Backbones.defaultThreads();
        RunStats onnx = RunStats.of(OnnxMatMulFloor.measure(2048, runs, threads));
        BenchRows.add("floor: ONNX Runtime 2048x2048 float matrix multiply",
                onnx.map(ms -> gflop / (ms / 1e3)).format(1) + " GFLOP/s",
                onnx.format(1) + " ms per multiply; " + runs + " runs after 1 warm-up; "
                        + threads + " threads; ONNX Runtime picks its kernels for the CPU");
    }

    /** Times MobileNetV2 at batch 30 on each engine, with 30 frames sampled from the video. */
    private static void measureEngines(Path video, int runs) throws Exception {
        int threads = Backbones.defaultThreads();
        String id = Backbones.DEFAULT_ID;
        FrameSampler sampler = new FrameSampler(ENGINE_FRAMES,
                Backbones.info(id).inputSize(), Duration.ofMinutes(2));
        SampledClip clip = sampler.sample(video);
        for (InferenceEngine engine : List.of(InferenceEngine.ONNXRUNTIME, InferenceEngine.DL4J)) {
            BackboneTiming timing;
            try (Backbone backbone = Backbones.open(id, WeightsOptions.defaults(), engine,
                    threads)) {
                timing = BackboneTiming.measure(backbone, clip.frames(), runs);
            }
            RunStats rate = timing.wallMsPerFrame()
                    .map(ms -> MOBILENET_V2_GFLOP_PER_FRAME / (ms / 1e3));
            BenchRows.add(String.format(Locale.ROOT, "frame features: %s on %s, batch %d", id,
                            engine, clip.realSteps()),
                    timing.wallMsPerFrame().format(1) + " ms per frame",
                    String.format(Locale.ROOT, "%s GFLOP/s at %.1f GFLOP per frame; %.1f ms CPU"
                                    + " per frame; %d threads; %d runs after 1 warm-up",
                            rate.format(1), MOBILENET_V2_GFLOP_PER_FRAME,
                            timing.cpuMsPerFrame().median(), threads, runs));
        }
    }

    private static void measureClassify(Path modelFile, Path video, int runs) throws Exception {
        long start = System.nanoTime();
        ActionModel model = ActionModel.load(modelFile);
        SamplingParams sampling = new SamplingParams(model.metadata().sampling().frames(),
                model.metadata().sampling().fps());
        String id = model.metadata().backbone().id();
        InferenceEngine engine = Backbones.resolve(id, InferenceEngine.AUTO);
        // The threads that 'actionrec classify' uses for one video.
        ThreadSettings threads = ThreadSettings.defaults(1);
        try (Backbone backbone = Backbones.open(id, WeightsOptions.defaults(), engine,
                threads.engineThreads())) {
            double loadMillis = (System.nanoTime() - start) / 1e6;
            FrameSampler sampler = new FrameSampler(sampling, backbone.inputSize(),
                    Duration.ofMinutes(2)).withFfmpegThreads(threads.ffmpegThreads());
            List<Double> sample = new ArrayList<>();
            List<Double> cnn = new ArrayList<>();
            List<Double> encoder = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            int frames = 0;
            ClipFeatures features = null;
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                SampledClip clip = sampler.sample(video);
                long t1 = System.nanoTime();
                INDArray vectors = backbone.features(clip.frames());
                long t2 = System.nanoTime();
                features = new ClipFeatures(video, new long[clip.realSteps()],
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
            List<Double> encoderAlone = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                model.predict(List.of(features), 1);
                encoderAlone.add((System.nanoTime() - t0) / 1e6);
            }

            String conditions = String.format(Locale.ROOT, "%d frames at %s fps (the model's"
                    + " sampling), %s engine, threads %s; %d runs after 1 warm-up", frames,
                    sampling.fps(), engine, threads, runs);
            BenchRows.add("warm classify: total", RunStats.of(total).format(0) + " ms",
                    conditions);
            BenchRows.add("warm classify: frame sampling", RunStats.of(sample).format(0) + " ms",
                    conditions);
            RunStats cnnStats = RunStats.of(cnn);
            BenchRows.add("warm classify: backbone", cnnStats.format(0) + " ms",
                    String.format(Locale.ROOT, "%.1f ms per frame; %s",
                            cnnStats.median() / frames, conditions));
            BenchRows.add("warm classify: encoder", RunStats.of(encoder).format(0) + " ms",
                    conditions);
            BenchRows.add("warm classify: encoder alone",
                    RunStats.of(encoderAlone).format(0) + " ms",
                    String.format(Locale.ROOT, "the same features, back to back with no"
                            + " backbone pass before each; %d runs", runs));
            BenchRows.add("load model file and backbone", String.format(Locale.ROOT, "%.0f ms",
                    loadMillis), engine + " engine, converted model from the cache; 1 run");
        }
    }
}
