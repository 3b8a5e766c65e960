package dev.actionrec.features;

import dev.actionrec.features.convert.DeepCompressionReader;
import dev.actionrec.features.convert.LayerWeights;
import dev.actionrec.features.convert.SqueezeNetV10Architecture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SqueezeNet v1.0 with the Deep Compression ImageNet weights. It takes 227x227 BGR input minus
 * the channel means, and its feature vector is the 512-d global average pool of fire9. The 1000
 * class scores follow ImageNet order, so output i is line i + 1 of a 1001-line label file whose
 * line 0 is background.
 *
 * <p>The weight file is decoded into a DL4J graph once and kept in a {@link ConvertedModelCache}
 * under the weights home folder.
 */
public final class SqueezeNetV10 {

    /** Identifier recorded in model files. */
    public static final String ID = "squeezenet-v1.0";
    /** Version of the weight decoding, part of the converted-model cache key. */
    public static final int CONVERTER_VERSION = 1;
    /** Parameters of the full network, counted on {@link #init(long)}. */
    public static final long PARAMETERS = 1_248_424L;

    /** Static facts of this backbone. */
    public static final BackboneInfo INFO = new BackboneInfo(ID,
            SqueezeNetV10Architecture.INPUT_SIZE, SqueezeNetV10Architecture.FEATURE_SIZE,
            PARAMETERS, WeightFile.SQUEEZENET_V1_0_COMPRESSED, SqueezeNetV10Architecture.FEATURES,
            PixelNormalisation.CAFFE_SQUEEZENET,
            "SqueezeNet v1.0 (Caffe, Deep Compression weights); features: average pool of fire9;"
                    + " BGR minus means 104/117/123");

    private static final Logger log = LoggerFactory.getLogger(SqueezeNetV10.class);

    private SqueezeNetV10() {}

    /** Builds the graph with random weights and outputs {@code [features, logits]}. */
    public static ComputationGraph init(long seed) {
        return SqueezeNetV10Architecture.build(seed);
    }

    /**
     * Opens the backbone with ImageNet weights found through {@link WeightStore}.
     *
     * @throws WeightsException if no intact weight file is found or it cannot be decoded
     */
    public static GraphBackbone open(WeightsOptions options) {
        WeightFile file = INFO.weights();
        Path weights = new WeightStore(options).locate(file);
        ConvertedModelCache cache = new ConvertedModelCache(options.cacheDir());
        ComputationGraph graph = cache.load(cacheKey(file.sha256()), () -> convert(weights));
        return new GraphBackbone(INFO, graph, file.sha256(), GraphBackbone.DEFAULT_BATCH_SIZE);
    }

    /** Returns the converted-model cache key for weights with this SHA-256. */
    public static String cacheKey(String weightsSha256) {
        return "squeezenet-v1.0-v" + CONVERTER_VERSION + "-nchw-" + weightsSha256;
    }

    /**
     * Decodes a Deep Compression SqueezeNet v1.0 file into a graph, without checking its checksum.
     *
     * @throws WeightsException if the file cannot be read or does not match the architecture
     */
    public static ComputationGraph convert(Path file) {
        log.info("Decoding {} into a DL4J graph", file);
        try {
            List<LayerWeights> weights =
                    DeepCompressionReader.read(file, SqueezeNetV10Architecture.convolutions());
            ComputationGraph graph = SqueezeNetV10Architecture.build(0);
            SqueezeNetV10Architecture.load(graph, weights);
            return graph;
        } catch (IOException e) {
            throw new WeightsException("cannot decode weight file " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
