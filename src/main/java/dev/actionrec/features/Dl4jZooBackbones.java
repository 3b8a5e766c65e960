package dev.actionrec.features;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.Darknet19;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.SqueezeNet;
import org.deeplearning4j.zoo.model.VGG16;
import org.deeplearning4j.zoo.model.Xception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ImageNet networks of the DL4J model zoo (deeplearning4j-zoo 1.0.0-M2.1) as backbones.
 *
 * <p>The pretrained archives are the zoo's own: the address from {@link
 * ZooModel#pretrainedUrl(PretrainedType)} and the Adler-32 checksum from {@link
 * ZooModel#pretrainedChecksum(PretrainedType)}. They are located and downloaded through {@link
 * WeightStore}, which adds connect and read timeouts, checksum checks, replacement of damaged
 * copies, {@code --weights FILE} and the {@code ACTIONREC_WEIGHTS} folder.
 *
 * <p>Pixel mappings follow the frameworks the zoo weights were converted from: Keras "caffe" mode
 * (BGR minus the VGG means) for VGG16, ResNet50 and SqueezeNet, Keras "tf" mode ([-1, 1]) for
 * Xception, and [0, 1] RGB for Darknet19 as in Darknet.
 */
// NOTE: the tests run offline without the zoo archives, so they cover the architectures with
// random weights and the download path against a local server only. The pixel mappings come from
// the source frameworks and are not checked against ImageNet photos.
public final class Dl4jZooBackbones {

    /** Identifier of ResNet50. */
    public static final String RESNET50 = "resnet50";
    /** Identifier of the DL4J zoo's SqueezeNet (v1.1 layout, Keras weights). */
    public static final String SQUEEZENET = "squeezenet";
    /** Identifier of VGG16. */
    public static final String VGG16_ID = "vgg16";
    /** Identifier of Darknet19 at 224x224. */
    public static final String DARKNET19 = "darknet19";
    /** Identifier of Xception. */
    public static final String XCEPTION = "xception";

    private static final int IMAGENET_CLASSES = 1000;
    /**
     * Frames per forward pass of VGG16 and Xception. A 30-frame Xception pass stalled at a 10 GB
     * native memory limit. For VGG16, one 3x3 convolution at 224x224 alone needs an im2col buffer
     * of about 3.5 GB for 30 frames (an estimate: 30 x 224 x 224 x 576 floats).
     */
    private static final int LARGE_MODEL_BATCH_SIZE = 8;
    private static final Logger log = LoggerFactory.getLogger(Dl4jZooBackbones.class);

    /**
     * A zoo backbone. Its weight file is derived on each call from the zoo's current base URL.
     * ResNet50's random weights use He initialisation, because with the zoo's default (truncated
     * normal, standard deviation 0.5) the activations overflow to NaN.
     */
    private record Entry(String id, int inputSize, int featureSize, long parameters,
            String featureVertex, PixelNormalisation normalisation, String description,
            int batchSize, LongFunction<ZooModel<?>> factory) {

        BackboneInfo info() {
            ZooModel<?> zoo = factory.apply(0);
            String url = zoo.pretrainedUrl(PretrainedType.IMAGENET);
            String fileName = url.substring(url.lastIndexOf('/') + 1);
            WeightFile weights = WeightFile.dl4jZoo(fileName, URI.create(url),
                    zoo.pretrainedChecksum(PretrainedType.IMAGENET));
            return new BackboneInfo(id, inputSize, featureSize, parameters, weights,
                    featureVertex, normalisation, description);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(RESNET50, 224, 2048, 25_636_712L, "res5c_branch",
                    PixelNormalisation.CAFFE_VGG,
                    "ResNet50; features: average pool of the last residual block;"
                            + " BGR minus VGG means",
                    GraphBackbone.DEFAULT_BATCH_SIZE,
                    seed -> ResNet50.builder().seed(seed).numClasses(IMAGENET_CLASSES)
                            .weightInit(WeightInit.RELU.getWeightInitFunction()).build()),
            new Entry(SQUEEZENET, 227, 512, 1_235_496L, "fire9", PixelNormalisation.CAFFE_VGG,
                    "SqueezeNet (DL4J zoo); features: average pool of fire9;"
                            + " BGR minus VGG means",
                    GraphBackbone.DEFAULT_BATCH_SIZE,
                    seed -> SqueezeNet.builder().seed(seed).numClasses(IMAGENET_CLASSES).build()),
            new Entry(VGG16_ID, 224, 512, 138_357_544L, "17", PixelNormalisation.CAFFE_VGG,
                    "VGG16; features: average pool of block5 after its max pool (the fc layers"
                            + " are skipped); BGR minus VGG means",
                    LARGE_MODEL_BATCH_SIZE,
                    seed -> VGG16.builder().seed(seed).numClasses(IMAGENET_CLASSES).build()),
            new Entry(DARKNET19, 224, 1024, 20_856_776L, "activation_18",
                    PixelNormalisation.UNIT_RGB,
                    "Darknet19 (224); features: average pool of the last 1024-channel block;"
                            + " RGB / 255",
                    GraphBackbone.DEFAULT_BATCH_SIZE,
                    seed -> Darknet19.builder().seed(seed).numClasses(IMAGENET_CLASSES).build()),
            new Entry(XCEPTION, 299, 2048, 22_910_480L, "avg_pool", PixelNormalisation.KERAS_TF,
                    "Xception; features: its global average pool; RGB scaled to [-1, 1]",
                    LARGE_MODEL_BATCH_SIZE,
                    seed -> Xception.builder().seed(seed).numClasses(IMAGENET_CLASSES).build()));

    private Dl4jZooBackbones() {}

    /** Returns the facts of every zoo backbone, in listing order. */
    public static List<BackboneInfo> infos() {
        return ENTRIES.stream().map(Entry::info).toList();
    }

    /**
     * Returns the zoo model behind a backbone, for example to read its pretrained URL.
     *
     * @param seed seed of the random weights that {@link ZooModel#init()} draws
     * @throws IllegalArgumentException if {@code id} is not a zoo backbone
     */
    public static ZooModel<?> zooModel(String id, long seed) {
        return entry(id).factory().apply(seed);
    }

    /**
     * Opens a zoo backbone with its pretrained ImageNet weights.
     *
     * @throws IllegalArgumentException if {@code id} is not a zoo backbone
     * @throws WeightsException if no intact archive is found, downloaded or restored
     */
    public static GraphBackbone open(String id, WeightsOptions options) {
        BackboneInfo info = entry(id).info();
        Path archive = new WeightStore(options).locate(info.weights());
        log.info("Restoring {} from {}", id, archive);
        try {
            ComputationGraph graph = toGraph(restore(archive));
            return new GraphBackbone(info, graph, Sha256.of(archive), entry(id).batchSize());
        } catch (IOException | RuntimeException e) {
            throw new WeightsException("cannot restore " + id + " from " + archive + ": " + e
                    + "; delete the file so that it is downloaded again, or pass another with"
                    + " --weights FILE", e);
        }
    }

    /**
     * Opens a zoo backbone with random weights drawn by {@link ZooModel#init()}, for tests and
     * timing. Its {@link Backbone#weightsSha256()} is {@code "random-seed-<seed>"}.
     *
     * @param batchSize frames per forward pass, at least 1
     * @throws IllegalArgumentException if {@code id} is not a zoo backbone
     */
    public static GraphBackbone openRandom(String id, long seed, int batchSize) {
        Entry entry = entry(id);
        ComputationGraph graph = toGraph(entry.factory().apply(seed).init());
        return new GraphBackbone(entry.info(), graph, "random-seed-" + seed, batchSize);
    }

    private static Model restore(Path archive) throws IOException {
        try {
            return ModelSerializer.restoreComputationGraph(archive.toFile(), false);
        } catch (RuntimeException | IOException e) {
            log.debug("{} is not a ComputationGraph archive ({}); trying MultiLayerNetwork",
                    archive, e.toString());
            return ModelSerializer.restoreMultiLayerNetwork(archive.toFile(), false);
        }
    }

    private static ComputationGraph toGraph(Model model) {
        if (model instanceof ComputationGraph graph) {
            return graph;
        }
        return ((MultiLayerNetwork) model).toComputationGraph();
    }

    private static Entry entry(String id) {
        String normalised = id.strip().toLowerCase(Locale.ROOT);
        for (Entry entry : ENTRIES) {
            if (entry.id().equals(normalised)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a DL4J zoo backbone, expected"
                + " one of " + ENTRIES.stream().map(Entry::id).toList());
    }
}
