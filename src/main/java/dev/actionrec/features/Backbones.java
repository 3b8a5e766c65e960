package dev.actionrec.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;

/** Opens backbones by the identifier recorded in model files and given on the command line. */
public final class Backbones {

    /**
     * Input layout used for MobileNetV2. Both layouts give the same features. NHWC took 15 to 25%
     * less time per frame than NCHW in three paired runs of {@code BackboneBenchmark} (batch 30,
     * ND4J 1.0.0-M2.1 oneDNN AVX2 build, a busy 2-core x86-64 machine).
     */
    public static final CNN2DFormat DEFAULT_FORMAT = CNN2DFormat.NHWC;

    /** Identifier of the default backbone. */
    public static final String DEFAULT_ID = MobileNetV2Backbone.ID;

    private Backbones() {}

    /** Static facts of MobileNetV2; its feature vertex is the graph's {@code features} output. */
    public static final BackboneInfo MOBILENET_V2_INFO = new BackboneInfo(MobileNetV2Backbone.ID,
            MobileNetV2Backbone.INPUT_SIZE, MobileNetV2Backbone.FEATURE_SIZE, 3_489_097L,
            WeightFile.MOBILENET_V2_QUANT, "features", PixelNormalisation.TFLITE_UINT8,
            "MobileNetV2 1.0 (TFLite uint8 weights as float); features: its global average pool;"
                    + " RGB scaled to [-1, 1]");

    /** Returns the identifiers {@link #open(String, WeightsOptions)} accepts, in listing order. */
    public static List<String> ids() {
        return infos().stream().map(BackboneInfo::id).toList();
    }

    /** Returns the static facts of every backbone, in the order of {@link #ids()}. */
    public static List<BackboneInfo> infos() {
        List<BackboneInfo> infos = new ArrayList<>();
        infos.add(MOBILENET_V2_INFO);
        infos.add(SqueezeNetV10.INFO);
        infos.addAll(Dl4jZooBackbones.infos());
        return List.copyOf(infos);
    }

    /**
     * Returns the static facts of one backbone, without loading its weights.
     *
     * @throws IllegalArgumentException if the identifier is unknown
     */
    public static BackboneInfo info(String id) {
        String normalised = normalise(id);
        return infos().stream()
                .filter(info -> info.id().equals(normalised))
                .findFirst()
                .orElseThrow(() -> unknown(id));
    }

    /**
     * Opens a backbone with pretrained weights found through {@link WeightsOptions#defaults()}.
     *
     * @see #open(String, WeightsOptions)
     */
    public static Backbone open(String id) {
        return open(id, WeightsOptions.defaults());
    }

    /**
     * Opens a backbone with pretrained weights.
     *
     * @param id backbone identifier, one of {@link #ids()}
     * @param options where to look for, download and cache the weights
     * @throws IllegalArgumentException if the identifier is unknown
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    public static Backbone open(String id, WeightsOptions options) {
        return open(id, options, InferenceEngine.AUTO, defaultThreads());
    }

    /**
     * Opens a backbone with pretrained weights on an inference engine.
     *
     * @param id backbone identifier, one of {@link #ids()}
     * @param options where to look for, download and cache the weights
     * @param engine the engine; {@link InferenceEngine#AUTO} picks ONNX Runtime where the backbone
     *     supports it
     * @param threads threads the engine uses for one forward pass, at least 1
     * @throws IllegalArgumentException if the identifier is unknown, threads are below 1, or the
     *     backbone cannot run on the requested engine
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    public static Backbone open(String id, WeightsOptions options, InferenceEngine engine,
            int threads) {
        String normalised = info(id).id();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        InferenceEngine resolved = resolve(normalised, engine);
        if (resolved == InferenceEngine.ONNXRUNTIME) {
            return OnnxModels.open(normalised, options, threads, OnnxBackbone.DEFAULT_BATCH_SIZE);
        }
        Dl4jThreads.set(threads);
        return openDl4j(normalised, options);
    }

    /**
     * Returns the engine that {@code engine} means for a backbone: AUTO becomes ONNX Runtime
     * where the backbone supports it and DL4J elsewhere.
     *
     * @throws IllegalArgumentException if the backbone cannot run on the requested engine
     */
    public static InferenceEngine resolve(String id, InferenceEngine engine) {
        String normalised = info(id).id();
        boolean onnx = OnnxModels.supports(normalised);
        return switch (engine) {
            case AUTO -> onnx ? InferenceEngine.ONNXRUNTIME : InferenceEngine.DL4J;
            case DL4J -> InferenceEngine.DL4J;
            case ONNXRUNTIME -> {
                if (!onnx) {
                    throw new IllegalArgumentException("backbone " + normalised
                            + " runs on the dl4j engine only; use --engine dl4j or auto");
                }
                yield InferenceEngine.ONNXRUNTIME;
            }
        };
    }

    /** Returns the default thread count of an engine: the processors available to the JVM. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static Backbone openDl4j(String normalised, WeightsOptions options) {
        if (normalised.equals(MobileNetV2Backbone.ID)) {
            return openMobileNetV2(options, DEFAULT_FORMAT);
        }
        if (normalised.equals(SqueezeNetV10.ID)) {
            return SqueezeNetV10.open(options);
        }
        return Dl4jZooBackbones.open(normalised, options);
    }

    /**
     * Opens a backbone with random weights, for tests and timing; nothing is read or downloaded.
     * Its {@link Backbone#weightsSha256()} is {@code "random-seed-<seed>"}.
     *
     * @param seed seed of the random weights
     * @param batchSize frames per forward pass, at least 1
     * @throws IllegalArgumentException if the identifier is unknown or the batch size below 1
     */
    public static Backbone openRandom(String id, long seed, int batchSize) {
        String normalised = info(id).id();
        String random = "random-seed-" + seed;
        if (normalised.equals(MobileNetV2Backbone.ID)) {
            MobileNetV2Zoo zoo = new MobileNetV2Zoo(DEFAULT_FORMAT, WeightsOptions.defaults(), seed);
            return new MobileNetV2Backbone(zoo.init(), DEFAULT_FORMAT, random, batchSize);
        }
        if (normalised.equals(SqueezeNetV10.ID)) {
            return new GraphBackbone(SqueezeNetV10.INFO, SqueezeNetV10.init(seed), random,
                    batchSize);
        }
        return Dl4jZooBackbones.openRandom(normalised, seed, batchSize);
    }

    private static String normalise(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("unknown backbone '" + id + "'; choose one of "
                + String.join(", ", ids()) + " (see 'actionrec backbones')");
    }

    /**
     * Opens MobileNetV2 with ImageNet weights and the given input layout.
     *
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    public static MobileNetV2Backbone openMobileNetV2(WeightsOptions options, CNN2DFormat format) {
        MobileNetV2Zoo zoo = new MobileNetV2Zoo(format, options, 0);
        ComputationGraph graph = zoo.initPretrained(PretrainedType.IMAGENET);
        return new MobileNetV2Backbone(graph, format, WeightFile.MOBILENET_V2_QUANT.sha256());
    }
}
