package dev.actionrec.features.convert;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds DL4J computation graphs from a {@link NetworkSpec} and loads float weights into them.
 *
 * <p>The graph has one input of shape {@code [batch, 3, size, size]} (NCHW) or {@code [batch,
 * size, size, 3]} (NHWC) and two outputs: the feature vector {@code [batch, channels]} and the
 * logits {@code [batch, classes]}, in that order.
 */
public final class GraphFactory {

    private GraphFactory() {}

    /** Returns an initialised graph with random weights (seeded by {@code seed}). */
    public static ComputationGraph build(NetworkSpec spec, CNN2DFormat format, long seed) {
        ComputationGraph graph = new ComputationGraph(configure(spec, format, seed));
        graph.init();
        return graph;
    }

    /** Returns a graph with the imported weights. */
    public static ComputationGraph build(ImportedNetwork network, CNN2DFormat format) {
        ComputationGraph graph = build(network.spec(), format, 0);
        loadWeights(graph, network.weights());
        return graph;
    }

    /**
     * Copies weights into the layers of the same name.
     *
     * @throws IllegalArgumentException if a layer is missing or a shape does not match
     */
    public static void loadWeights(ComputationGraph graph, Map<String, LayerWeights> weights) {
        for (Map.Entry<String, LayerWeights> entry : weights.entrySet()) {
            var layer = graph.getLayer(entry.getKey());
            if (layer == null) {
                throw new IllegalArgumentException("graph has no layer " + entry.getKey());
            }
            copy(entry.getKey() + " W", entry.getValue().weights(), layer.getParam("W"));
            copy(entry.getKey() + " b", entry.getValue().bias(), layer.getParam("b"));
        }
    }

    private static void copy(String parameter, INDArray source, INDArray target) {
        if (source.length() != target.length()) {
            throw new IllegalArgumentException(parameter + ": " + source.length()
                    + " values do not fit parameter of shape "
                    + java.util.Arrays.toString(target.shape()));
        }
        if (source.rank() == target.rank()) {
            if (!java.util.Arrays.equals(source.shape(), target.shape())) {
                throw new IllegalArgumentException(parameter + ": shape "
                        + java.util.Arrays.toString(source.shape()) + " does not match "
                        + java.util.Arrays.toString(target.shape()));
            }
            target.assign(source);
        } else {
            target.assign(source.reshape('c', target.shape()));
        }
    }

    private static ComputationGraphConfiguration configure(
            NetworkSpec spec, CNN2DFormat format, long seed) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(NetworkSpec.INPUT)
                .setInputTypes(InputType.convolutional(
                        spec.inputSize(), spec.inputSize(), 3, format));

        for (LayerSpec layer : spec.layers()) {
            addVertex(builder, layer, format);
        }
        return builder.setOutputs(spec.features(), spec.logits()).build();
    }

    private static void addVertex(
            ComputationGraphConfiguration.GraphBuilder builder, LayerSpec layer,
            CNN2DFormat format) {
        if (layer instanceof LayerSpec.Conv c) {
            builder.addLayer(c.name(), convolution(c, format), c.input());
        } else if (layer instanceof LayerSpec.Depthwise d) {
            builder.addLayer(d.name(), depthwise(d, format), d.input());
        } else if (layer instanceof LayerSpec.Add a) {
            builder.addVertex(a.name(), new ElementWiseVertex(ElementWiseVertex.Op.Add),
                    a.left(), a.right());
        } else if (layer instanceof LayerSpec.GlobalAvgPool p) {
            int[] spatial = format == CNN2DFormat.NHWC ? new int[] {1, 2} : new int[] {2, 3};
            builder.addLayer(p.name(), new GlobalPoolingLayer.Builder(PoolingType.AVG)
                    .poolingDimensions(spatial)
                    .build(), p.input());
        } else if (layer instanceof LayerSpec.Dense d) {
            builder.addLayer(d.name(), new DenseLayer.Builder()
                    .nIn(d.nIn())
                    .nOut(d.nOut())
                    .activation(new ActivationIdentity())
                    .build(), d.input());
        }
    }

    private static ConvolutionLayer convolution(LayerSpec.Conv c, CNN2DFormat format) {
        return new ConvolutionLayer.Builder(c.kernel(), c.kernel())
                .stride(c.stride(), c.stride())
                .nIn(c.nIn())
                .nOut(c.nOut())
                .dataFormat(format)
                .activation(activation(c.relu6()))
                .build();
    }

    private static DepthwiseConvolution2D depthwise(LayerSpec.Depthwise d, CNN2DFormat format) {
        return new DepthwiseConvolution2D.Builder(d.kernel(), d.kernel())
                .stride(d.stride(), d.stride())
                .nIn(d.channels())
                .nOut(d.channels() * d.multiplier())
                .depthMultiplier(d.multiplier())
                .dataFormat(format)
                .activation(activation(d.relu6()))
                .build();
    }

    private static IActivation activation(boolean relu6) {
        return relu6 ? new ActivationReLU6() : new ActivationIdentity();
    }
}
