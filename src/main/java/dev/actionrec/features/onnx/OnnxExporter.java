package dev.actionrec.features.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes the part of a DL4J image {@link ComputationGraph} that one vertex depends on as an ONNX
 * model (IR version 7, opset 13) with the same weights, so that another inference engine computes
 * the same function.
 *
 * <p>The ONNX model always takes NCHW input {@code [batch, 3, size, size]}, whatever layout the
 * DL4J graph uses, and has one output, {@value #OUTPUT}: the vertex output, average-pooled over
 * height and width if it is 4-d. The batch dimension is symbolic.
 *
 * <p>Supported vertices: 2-d and depthwise convolutions (any padding mode, dilation 1), max and
 * average pooling, global average pooling, dense layers, element-wise addition and channel
 * concatenation, with identity, ReLU or ReLU6 activations. Anything else is rejected with an
 * {@link IllegalArgumentException} naming the vertex.
 */
public final class OnnxExporter {

    /** Name of the ONNX model input. */
    public static final String INPUT = "input";
    /** Name of the ONNX model output. */
    public static final String OUTPUT = "output";

    private static final int IR_VERSION = 7;
    private static final int OPSET = 13;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private final ComputationGraph graph;
    private final ComputationGraphConfiguration configuration;
    private final Map<String, InputType> outputTypes;
    private final ProtoWriter body = new ProtoWriter();
    private int constants;

    private OnnxExporter(ComputationGraph graph, InputType input) {
        this.graph = graph;
        this.configuration = graph.getConfiguration();
        this.outputTypes = configuration.getLayerActivationTypes(false, input);
    }

    /**
     * Returns the ONNX model bytes of everything {@code vertex} depends on.
     *
     * @param graph a graph with one convolutional input
     * @param input the input type the graph was configured for
     * @param vertex name of the vertex whose output the model returns
     * @throws IllegalArgumentException if the vertex does not exist or a vertex it depends on
     *     is not supported
     */
    public static byte[] export(ComputationGraph graph, InputType.InputTypeConvolutional input,
            String vertex) {
        OnnxExporter exporter = new OnnxExporter(graph, input);
        return exporter.model(vertex, (int) input.getHeight(), (int) input.getWidth());
    }

    private byte[] model(String vertex, int height, int width) {
        if (!configuration.getVertices().containsKey(vertex)) {
            throw new IllegalArgumentException("graph has no vertex " + vertex);
        }
        String networkInput = configuration.getNetworkInputs().get(0);
        Set<String> needed = dependencies(vertex);
        for (String name : configuration.getTopologicalOrderStr()) {
            if (needed.contains(name) && !name.equals(networkInput)) {
                vertex(name, networkInput);
            }
        }
        String last = tensorName(vertex, networkInput);
        InputType type = outputTypes.get(vertex);
        if (type.getType() == InputType.Type.CNN) {
            node("GlobalAveragePool", List.of(last), vertex + "_pooled", List.of());
            last = vertex + "_pooled";
        }
        node("Flatten", List.of(last), OUTPUT, List.of(intAttribute("axis", 1)));

        body.string(2, "actionrec-" + vertex);
        body.message(11, valueInfo(INPUT, "batch", 3, height, width));
        body.message(12, valueInfo(OUTPUT, "batch", type.arrayElementsPerExample()
                / spatialSize(type)));
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "actionrec")
                .message(7, body)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        return model.toByteArray();
    }

    private Set<String> dependencies(String vertex) {
        Set<String> needed = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(vertex));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (needed.add(name)) {
                pending.addAll(configuration.getVertexInputs().getOrDefault(name, List.of()));
            }
        }
        return needed;
    }

    private void vertex(String name, String networkInput) {
        GraphVertex vertex = configuration.getVertices().get(name);
        List<String> inputs = new ArrayList<>();
        for (String input : configuration.getVertexInputs().get(name)) {
            inputs.add(tensorName(input, networkInput));
        }
        if (vertex instanceof ElementWiseVertex add
                && add.getOp() == ElementWiseVertex.Op.Add && inputs.size() == 2) {
            node("Add", inputs, name, List.of());
        } else if (vertex instanceof MergeVertex) {
            node("Concat", inputs, name, List.of(intAttribute("axis", 1)));
        } else if (vertex instanceof LayerVertex layerVertex
                && layerVertex.getPreProcessor() == null && inputs.size() == 1) {
            layer(name, layerVertex.getLayerConf().getLayer(), inputs.get(0));
        } else {
            throw unsupported(name, vertex.getClass().getSimpleName());
        }
    }

    private void layer(String name, Layer layer, String input) {
        InputType inputType = outputTypes.get(configuration.getVertexInputs().get(name).get(0));
        InputType outputType = outputTypes.get(name);
        String output;
        if (layer instanceof ConvolutionLayer conv) {
            output = convolution(name, conv, input, inputType, outputType);
        } else if (layer instanceof SubsamplingLayer pool) {
            pooling(name, pool, input, inputType, outputType);
            return;
        } else if (layer instanceof GlobalPoolingLayer pool && pool.getPoolingType() == PoolingType.AVG) {
            node("GlobalAveragePool", List.of(input), name + "_4d", List.of());
            node("Flatten", List.of(name + "_4d"), name, List.of(intAttribute("axis", 1)));
            return;
        } else if (layer instanceof DenseLayer) {
            INDArray weights = graph.getLayer(name).getParam("W");
            INDArray bias = graph.getLayer(name).getParam("b");
            output = name + "_linear";
            node("Gemm", List.of(input, initializer(name + "_W", weights),
                    initializer(name + "_b", bias.reshape(bias.length()))), output, List.of());
        } else {
            throw unsupported(name, layer.getClass().getSimpleName());
        }
        activation(name, layer, output);
    }

    private String convolution(String name, ConvolutionLayer conv, String input,
            InputType inputType, InputType outputType) {
        if (conv.getDilation()[0] != 1 || conv.getDilation()[1] != 1) {
            throw unsupported(name, "dilated convolution");
        }
        INDArray weights = graph.getLayer(name).getParam("W");
        long group = 1;
        if (conv instanceof DepthwiseConvolution2D depthwise) {
            // DL4J stores depthwise kernels as [kH, kW, channels, multiplier]; ONNX wants
            // [channels * multiplier, 1, kH, kW] with output channel c * multiplier + m.
            long channels = weights.size(2);
            weights = weights.permute(2, 3, 0, 1).dup('c')
                    .reshape('c', channels * depthwise.getDepthMultiplier(), 1,
                            weights.size(0), weights.size(1));
            group = channels;
        }
        List<String> inputs = new ArrayList<>(List.of(input, initializer(name + "_W", weights)));
        if (conv.hasBias()) {
            INDArray bias = graph.getLayer(name).getParam("b");
            inputs.add(initializer(name + "_b", bias.reshape(bias.length())));
        }
        String output = name + "_conv";
        node("Conv", inputs, output, List.of(
                intsAttribute("kernel_shape", conv.getKernelSize()),
                intsAttribute("strides", conv.getStride()),
                intsAttribute("pads", pads(conv.getConvolutionMode(), conv.getKernelSize(),
                        conv.getStride(), conv.getPadding(), inputType, outputType)),
                intAttribute("group", group)));
        return output;
    }

    private void pooling(String name, SubsamplingLayer pool, String input, InputType inputType,
            InputType outputType) {
        String operator = switch (pool.getPoolingType()) {
            case MAX -> "MaxPool";
            case AVG -> "AveragePool";
            default -> throw unsupported(name, pool.getPoolingType() + " pooling");
        };
        node(operator, List.of(input), name, List.of(
                intsAttribute("kernel_shape", pool.getKernelSize()),
                intsAttribute("strides", pool.getStride()),
                intsAttribute("pads", pads(pool.getConvolutionMode(), pool.getKernelSize(),
                        pool.getStride(), pool.getPadding(), inputType, outputType))));
    }

    /**
     * Returns ONNX pads {@code [top, left, bottom, right]}. DL4J's Same mode pads like
     * TensorFlow's SAME: half the total at the top and left, the odd pixel at the bottom and
     * right.
     */
    private static long[] pads(ConvolutionMode mode, int[] kernel, int[] stride, int[] padding,
            InputType inputType, InputType outputType) {
        if (mode != ConvolutionMode.Same) {
            return new long[] {padding[0], padding[1], padding[0], padding[1]};
        }
        long[] in = spatial(inputType);
        long[] out = spatial(outputType);
        long[] pads = new long[4];
        for (int axis = 0; axis < 2; axis++) {
            long total = Math.max(0, (out[axis] - 1) * stride[axis] + kernel[axis] - in[axis]);
            pads[axis] = total / 2;
            pads[axis + 2] = total - total / 2;
        }
        return pads;
    }

    private void activation(String name, Layer layer, String input) {
        IActivation activation = layer instanceof BaseLayer base ? base.getActivationFn() : null;
        if (activation == null || activation instanceof ActivationIdentity) {
            node("Identity", List.of(input), name, List.of());
        } else if (activation instanceof ActivationReLU) {
            node("Relu", List.of(input), name, List.of());
        } else if (activation instanceof ActivationReLU6) {
            node("Clip", List.of(input, scalar(0f), scalar(6f)), name, List.of());
        } else {
            throw unsupported(name, "activation " + activation);
        }
    }

    private String tensorName(String vertex, String networkInput) {
        return vertex.equals(networkInput) ? INPUT : vertex;
    }

    private void node(String operator, List<String> inputs, String output,
            List<ProtoWriter> attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output + "_" + operator).string(4, operator);
        for (ProtoWriter attribute : attributes) {
            node.message(5, attribute);
        }
        body.message(1, node);
    }

    private String initializer(String name, INDArray values) {
        float[] data = values.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ProtoWriter tensor = new ProtoWriter().packedVarints(1, values.shape())
                .varint(2, FLOAT)
                .string(8, name)
                .bytes(9, ProtoWriter.littleEndian(data));
        body.message(5, tensor);
        return name;
    }

    private String scalar(float value) {
        String name = "constant_" + constants++;
        body.message(5, new ProtoWriter().varint(2, FLOAT).string(8, name)
                .bytes(9, ProtoWriter.littleEndian(new float[] {value})));
        return name;
    }

    private static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    private static ProtoWriter intsAttribute(String name, int[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return intsAttribute(name, longs);
    }

    private static ProtoWriter intsAttribute(String name, long[] values) {
        return new ProtoWriter().string(1, name).packedVarints(8, values)
                .varint(20, ATTRIBUTE_INTS);
    }

    private static ProtoWriter valueInfo(String name, String batch, long... dims) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, batch));
        for (long dim : dims) {
            shape.message(1, new ProtoWriter().varint(1, dim));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name)
                .message(2, new ProtoWriter().message(1, tensorType));
    }

    private static long[] spatial(InputType type) {
        InputType.InputTypeConvolutional conv = (InputType.InputTypeConvolutional) type;
        return new long[] {conv.getHeight(), conv.getWidth()};
    }

    private static long spatialSize(InputType type) {
        if (type.getType() != InputType.Type.CNN) {
            return 1;
        }
        long[] spatial = spatial(type);
        return spatial[0] * spatial[1];
    }

    private static IllegalArgumentException unsupported(String vertex, String what) {
        return new IllegalArgumentException("cannot export vertex " + vertex + " to ONNX: "
                + what + " is not supported");
    }
}
