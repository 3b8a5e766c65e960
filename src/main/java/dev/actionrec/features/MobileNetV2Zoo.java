package dev.actionrec.features;

import dev.actionrec.features.convert.GraphFactory;
import dev.actionrec.features.convert.ImportedNetwork;
import dev.actionrec.features.convert.MobileNetV2Architecture;
import dev.actionrec.features.convert.TfliteGraphReader;
import dev.actionrec.features.tflite.TfliteModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.ModelMetaData;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.ZooType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MobileNetV2 (width 1.0, 224x224 RGB, 1001 ImageNet logits) as a DL4J zoo model.
 *
 * <p>{@link #init()} builds the architecture with random weights. {@link
 * #initPretrained(PretrainedType)} with {@link PretrainedType#IMAGENET} locates the quantised
 * TFLite weight file through {@link WeightStore}, converts it to float weights, and keeps the
 * converted graph in a {@link ConvertedModelCache} under the weights home folder.
 *
 * <p>Both graphs take {@code [batch, 3, 224, 224]} (NCHW) or {@code [batch, 224, 224, 3]} (NHWC)
 * input with pixels mapped to {@code (p - 128) / 128}, and have two outputs: the 1280-d global
 * average pool {@code [batch, 1280]} and the logits {@code [batch, 1001]}.
 *
 * <p>NOTE: the float graph skips the uint8 rounding of activations that the TFLite runtime
 * applies, so its probabilities differ slightly from those of the TFLite interpreter.
 */
public final class MobileNetV2Zoo extends ZooModel<ComputationGraph> {

    /** Version of the TFLite-to-DL4J conversion, part of the converted-model cache key. */
    public static final int CONVERTER_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(MobileNetV2Zoo.class);
    private static final int[] INPUT_SHAPE = {3, MobileNetV2Backbone.INPUT_SIZE,
        MobileNetV2Backbone.INPUT_SIZE};

    private final CNN2DFormat format;
    private final WeightsOptions options;
    private final long seed;

    /**
     * @param format input layout of the graphs this zoo model builds
     * @param options where pretrained weights are looked up and cached
     * @param seed seed of the random weights that {@link #init()} draws
     */
    public MobileNetV2Zoo(CNN2DFormat format, WeightsOptions options, long seed) {
        this.format = format;
        this.options = options;
        this.seed = seed;
    }

    /** Returns the input layout of the graphs this zoo model builds. */
    public CNN2DFormat format() {
        return format;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ComputationGraph init() {
        return GraphFactory.build(MobileNetV2Architecture.spec(MobileNetV2Backbone.INPUT_SIZE,
                MobileNetV2Backbone.CLASSES), format, seed);
    }

    /**
     * Returns the graph with ImageNet weights, converted from the TFLite file or restored from
     * the converted-model cache.
     *
     * @throws UnsupportedOperationException for pretrained types other than IMAGENET
     * @throws WeightsException if no intact weight file is found or it cannot be converted
     */
    @Override
    @SuppressWarnings("unchecked")
    public <M extends Model> M initPretrained(PretrainedType pretrainedType) {
        if (pretrainedType != PretrainedType.IMAGENET) {
            throw new UnsupportedOperationException(
                    "MobileNetV2 weights exist for IMAGENET only, not " + pretrainedType);
        }
        WeightFile file = WeightFile.MOBILENET_V2_QUANT;
        Path weights = new WeightStore(options).locate(file);
        ConvertedModelCache cache = new ConvertedModelCache(options.cacheDir());
        return (M) cache.load(cacheKey(file.sha256()), () -> convert(weights));
    }

    /** Returns the converted-model cache key for weights with this SHA-256. */
    public String cacheKey(String weightsSha256) {
        return String.format(Locale.ROOT, "mobilenetv2-v%d-%s-%s", CONVERTER_VERSION,
                format.name().toLowerCase(Locale.ROOT), weightsSha256);
    }

    /**
     * Converts a MobileNetV2 TFLite file to a DL4J graph, without checking its checksum.
     *
     * @throws WeightsException if the file cannot be read or contains an unsupported graph
     */
    public ComputationGraph convert(Path tflite) {
        log.info("Converting {} to a DL4J graph ({})", tflite, format);
        long start = System.nanoTime();
        try {
            ImportedNetwork network = TfliteGraphReader.read(TfliteModel.read(tflite));
            ComputationGraph graph = GraphFactory.build(network, format);
            log.info("Converted {} in {} ms", tflite.getFileName(),
                    (System.nanoTime() - start) / 1_000_000);
            return graph;
        } catch (IOException e) {
            throw new WeightsException("cannot convert weight file " + tflite + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String pretrainedUrl(PretrainedType pretrainedType) {
        return pretrainedType == PretrainedType.IMAGENET
                ? WeightFile.MOBILENET_V2_QUANT.url().toString() : null;
    }

    /** Returns 0: the weight file is checked by SHA-256 instead of the zoo's Adler-32. */
    @Override
    public long pretrainedChecksum(PretrainedType pretrainedType) {
        return 0L;
    }

    @Override
    public Class<? extends Model> modelType() {
        return ComputationGraph.class;
    }

    @Override
    public String modelName() {
        return MobileNetV2Backbone.ID;
    }

    @Override
    @Deprecated
    public ModelMetaData metaData() {
        return new ModelMetaData(new int[][] {INPUT_SHAPE.clone()}, 1, ZooType.CNN);
    }

    /**
     * Accepts only {@code {{3, 224, 224}}}, the size the ImageNet weights were trained for.
     *
     * @throws IllegalArgumentException for any other shape
     */
    @Override
    public void setInputShape(int[][] inputShape) {
        if (inputShape.length != 1 || !Arrays.equals(inputShape[0], INPUT_SHAPE)) {
            throw new IllegalArgumentException("MobileNetV2 takes input shape "
                    + Arrays.toString(INPUT_SHAPE) + ", got " + Arrays.deepToString(inputShape));
        }
    }
}
