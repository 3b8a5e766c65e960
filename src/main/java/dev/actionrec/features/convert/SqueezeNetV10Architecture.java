package dev.actionrec.features.convert;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * SqueezeNet v1.0 (Iandola et al., 2016) as in its Caffe deploy prototxt. The input is
 * 227x227x3 (NCHW, BGR minus the channel means). Conv1 7x7/2 is followed by eight fire modules
 * (squeeze 1x1, then expand 1x1 and expand 3x3 concatenated), with 3x3/2 max pools after conv1,
 * fire4 and fire8. The 1000-class conv_final (1x1 with padding 1, so 15x15) has a ReLU and a
 * global average pool.
 *
 * <p>Caffe rounds pooling output sizes up, DL4J's {@link ConvolutionMode#Truncate} rounds down.
 * Here every pooling input (111, 55, 27) minus 3 is even, so both give 55, 27 and 13.
 *
 * <p>The graph has two outputs: {@value #FEATURES} {@code [batch, 512]}, the global average pool
 * of fire9, and {@value #LOGITS} {@code [batch, 1000]}, the pooled class scores before softmax.
 */
public final class SqueezeNetV10Architecture {

    /** Input width and height in pixels. */
    public static final int INPUT_SIZE = 227;
    /** Output vertex with the 512-d feature vectors. */
    public static final String FEATURES = "features";
    /** Output vertex with the 1000 class scores. */
    public static final String LOGITS = "pool_final";
    /** Number of ImageNet classes. */
    public static final int CLASSES = 1000;
    /** Length of a feature vector: the channels of fire9. */
    public static final int FEATURE_SIZE = 512;

    private static final int[][] FIRES = {
        {16, 64}, {16, 64}, {32, 128}, {32, 128}, {48, 192}, {48, 192}, {64, 256}, {64, 256}
    };

    private SqueezeNetV10Architecture() {}

    /** Returns the 26 convolutions in prototxt order, the order of the weight file. */
    public static List<CaffeConv> convolutions() {
        List<CaffeConv> layers = new ArrayList<>();
        layers.add(new CaffeConv("conv1", "data", 3, 96, 7, 2, 0));
        String input = "pool1";
        int channels = 96;
        for (int i = 0; i < FIRES.length; i++) {
            String fire = "fire" + (i + 2);
            int squeeze = FIRES[i][0];
            int expand = FIRES[i][1];
            layers.add(new CaffeConv(fire + "_squeeze1x1", input, channels, squeeze, 1, 1, 0));
            layers.add(new CaffeConv(fire + "_expand1x1", fire + "_squeeze1x1", squeeze, expand,
                    1, 1, 0));
            layers.add(new CaffeConv(fire + "_expand3x3", fire + "_squeeze1x1", squeeze, expand,
                    3, 1, 1));
            channels = 2 * expand;
            input = poolAfter(fire) != null ? poolAfter(fire) : fire + "_concat";
        }
        layers.add(new CaffeConv("conv_final", input, channels, CLASSES, 1, 1, 1));
        return layers;
    }

    /**
     * Builds the graph with Xavier-initialised random weights.
     *
     * @param seed seed of the random weights
     */
    public static ComputationGraph build(long seed) {
        GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("data")
                .setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        for (CaffeConv conv : convolutions()) {
            addConvolution(builder, conv);
            if (conv.name().endsWith("_expand3x3")) {
                String fire = conv.name().substring(0, conv.name().indexOf('_'));
                builder.addVertex(fire + "_concat", new MergeVertex(), fire + "_expand1x1",
                        conv.name());
                addPool(builder, poolAfter(fire), fire + "_concat");
            } else if (conv.name().equals("conv1")) {
                addPool(builder, "pool1", "conv1");
            }
        }
        builder.addLayer(FEATURES, new GlobalPoolingLayer(PoolingType.AVG), "fire9_concat")
                .addLayer(LOGITS, new GlobalPoolingLayer(PoolingType.AVG), "conv_final")
                .setOutputs(FEATURES, LOGITS);
        ComputationGraphConfiguration configuration = builder.build();
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }

    /**
     * Copies decoded Caffe weights into a graph from {@link #build(long)}.
     *
     * @param weights one entry per {@link #convolutions()} layer, in the same order
     * @throws IllegalArgumentException if the number of layers or a shape differs
     */
    public static void load(ComputationGraph graph, List<LayerWeights> weights) {
        List<CaffeConv> layers = convolutions();
        if (weights.size() != layers.size()) {
            throw new IllegalArgumentException("SqueezeNet v1.0 has " + layers.size()
                    + " convolutions, got weights for " + weights.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            var layer = graph.getLayer(layers.get(i).name());
            layer.setParam("W", weights.get(i).weights());
            layer.setParam("b", weights.get(i).bias().reshape(1, layers.get(i).nOut()));
        }
    }

    private static String poolAfter(String fire) {
        return switch (fire) {
            case "fire4" -> "pool4";
            case "fire8" -> "pool8";
            default -> null;
        };
    }

    private static void addConvolution(GraphBuilder builder, CaffeConv conv) {
        builder.addLayer(conv.name(), new ConvolutionLayer.Builder(conv.kernel(), conv.kernel())
                .stride(conv.stride(), conv.stride())
                .padding(conv.padding(), conv.padding())
                .nIn(conv.nIn())
                .nOut(conv.nOut())
                .activation(Activation.RELU)
                .build(), conv.input());
    }

    private static void addPool(GraphBuilder builder, String name, String input) {
        if (name == null) {
            return;
        }
        builder.addLayer(name, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(3, 3)
                .stride(2, 2)
                .build(), input);
    }
}
