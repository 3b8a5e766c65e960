package dev.actionrec.features.convert;

import dev.actionrec.features.tflite.BuiltinOperator;
import dev.actionrec.features.tflite.TfliteFormatException;
import dev.actionrec.features.tflite.TfliteModel;
import dev.actionrec.features.tflite.TfliteOperator;
import dev.actionrec.features.tflite.TfliteOptions;
import dev.actionrec.features.tflite.TfliteTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the operators of a TFLite image classifier into a {@link NetworkSpec} with dequantised
 * float weights, walking the operators in execution order.
 *
 * <p>Supported: CONV_2D and DEPTHWISE_CONV_2D with SAME padding and no or ReLU6 activation, ADD
 * without activation, AVERAGE_POOL_2D over the whole map (becomes global average pooling, the
 * feature vector), a 1x1 CONV_2D or FULLY_CONNECTED after it (becomes the logits layer), and
 * RESHAPE, SQUEEZE and SOFTMAX after the logits, which are dropped because the logits are kept.
 */
public final class TfliteGraphReader {

    private final TfliteModel model;
    private final Map<Integer, String> vertexOfTensor = new HashMap<>();
    private final List<LayerSpec> layers = new ArrayList<>();
    private final Map<String, LayerWeights> weights = new LinkedHashMap<>();
    private String features;
    private String logits;

    private TfliteGraphReader(TfliteModel model) {
        this.model = model;
    }

    /**
     * Reads the network of a TFLite model.
     *
     * @throws TfliteFormatException if an operator or option is not supported, or the graph has
     *     no global average pool followed by a logits layer
     */
    public static ImportedNetwork read(TfliteModel model) throws TfliteFormatException {
        TfliteGraphReader reader = new TfliteGraphReader(model);
        return reader.walk();
    }

    private ImportedNetwork walk() throws TfliteFormatException {
        int[] inputs = model.inputs();
        if (inputs.length != 1) {
            throw unsupported("has " + inputs.length + " inputs, expected 1 image input");
        }
        TfliteTensor input = model.tensor(inputs[0]);
        vertexOfTensor.put(input.index(), NetworkSpec.INPUT);

        for (TfliteOperator op : model.operators()) {
            readOperator(op);
        }
        if (features == null || logits == null) {
            throw unsupported("has no global average pool followed by a logits layer");
        }
        NetworkSpec spec = new NetworkSpec(input.shape()[1], layers, features, logits);
        return new ImportedNetwork(spec, weights);
    }

    private void readOperator(TfliteOperator op) throws TfliteFormatException {
        switch (op.builtinCode()) {
            case BuiltinOperator.CONV_2D -> {
                if (features != null) {
                    addDense(op, model.tensor(op.inputs()[1]));
                } else {
                    addConv(op);
                }
            }
            case BuiltinOperator.FULLY_CONNECTED -> addDense(op, model.tensor(op.inputs()[1]));
            case BuiltinOperator.DEPTHWISE_CONV_2D -> addDepthwise(op);
            case BuiltinOperator.ADD -> addAdd(op);
            case BuiltinOperator.AVERAGE_POOL_2D -> addGlobalPool(op);
            case BuiltinOperator.RESHAPE, BuiltinOperator.SQUEEZE, BuiltinOperator.SOFTMAX ->
                    passThrough(op);
            default -> throw unsupported(op, "operator is not supported");
        }
    }

    private void addConv(TfliteOperator op) throws TfliteFormatException {
        TfliteTensor weightTensor = model.tensor(op.inputs()[1]);
        int[] shape = weightTensor.shape(); // [out, kH, kW, in]
        checkSquareSame(op, shape[1], shape[2]);
        String name = nextName("conv");
        layers.add(new LayerSpec.Conv(name, vertexOf(op, 0), shape[1], stride(op), shape[3],
                shape[0], relu6(op)));

        INDArray stored = Nd4j.create(model.dequantize(weightTensor), toLong(shape), 'c');
        INDArray dl4j = stored.permute(0, 3, 1, 2).dup('c'); // to [out, in, kH, kW]
        weights.put(name, new LayerWeights(dl4j, bias(op)));
        vertexOfTensor.put(op.outputs()[0], name);
    }

    private void addDepthwise(TfliteOperator op) throws TfliteFormatException {
        TfliteTensor weightTensor = model.tensor(op.inputs()[1]);
        int[] shape = weightTensor.shape(); // [1, kH, kW, channels * multiplier]
        checkSquareSame(op, shape[1], shape[2]);
        int multiplier = op.options().depthMultiplier();
        int channels = shape[3] / multiplier;
        String name = nextName("dw");
        layers.add(new LayerSpec.Depthwise(name, vertexOf(op, 0), shape[1], stride(op),
                channels, multiplier, relu6(op)));

        // Output channel c * multiplier + m is stored last, so a C-order reshape splits it.
        long[] dl4jShape = {shape[1], shape[2], channels, multiplier};
        INDArray dl4j = Nd4j.create(model.dequantize(weightTensor), dl4jShape, 'c');
        weights.put(name, new LayerWeights(dl4j, bias(op)));
        vertexOfTensor.put(op.outputs()[0], name);
    }

    private void addAdd(TfliteOperator op) throws TfliteFormatException {
        if (op.options().activation() != TfliteOptions.ACTIVATION_NONE) {
            throw unsupported(op, "fused activation " + op.options().activation() + " on ADD");
        }
        String name = nextName("add");
        layers.add(new LayerSpec.Add(name, vertexOf(op, 0), vertexOf(op, 1)));
        vertexOfTensor.put(op.outputs()[0], name);
    }

    private void addGlobalPool(TfliteOperator op) throws TfliteFormatException {
        int[] in = model.tensor(op.inputs()[0]).shape(); // [1, H, W, C]
        TfliteOptions options = op.options();
        if (options.filterHeight() != in[1] || options.filterWidth() != in[2]) {
            throw unsupported(op, "average pool of " + options.filterHeight() + "x"
                    + options.filterWidth() + " on a " + in[1] + "x" + in[2]
                    + " map is not global");
        }
        features = "features";
        layers.add(new LayerSpec.GlobalAvgPool(features, vertexOf(op, 0), in[3]));
        vertexOfTensor.put(op.outputs()[0], features);
    }

    private void addDense(TfliteOperator op, TfliteTensor weightTensor)
            throws TfliteFormatException {
        if (features == null || logits != null) {
            throw unsupported(op, "a logits layer is only read once, after the global pool");
        }
        int[] shape = weightTensor.shape(); // [out, 1, 1, in] or [out, in]
        int nOut = shape[0];
        int nIn = shape[shape.length - 1];
        if (weightTensor.elementCount() != (long) nOut * nIn) {
            throw unsupported(op, "logits kernel " + weightTensor + " is not 1x1");
        }
        logits = "logits";
        layers.add(new LayerSpec.Dense(logits, vertexOf(op, 0), nIn, nOut));

        INDArray stored = Nd4j.create(model.dequantize(weightTensor), new long[] {nOut, nIn}, 'c');
        weights.put(logits, new LayerWeights(stored.transpose().dup('c'), bias(op)));
        vertexOfTensor.put(op.outputs()[0], logits);
    }

    private void passThrough(TfliteOperator op) throws TfliteFormatException {
        if (logits == null) {
            throw unsupported(op, "is only supported after the logits layer");
        }
        vertexOfTensor.put(op.outputs()[0], vertexOf(op, 0));
    }

    private INDArray bias(TfliteOperator op) throws TfliteFormatException {
        if (op.inputs().length < 3 || op.inputs()[2] < 0) {
            throw unsupported(op, "has no bias tensor");
        }
        TfliteTensor tensor = model.tensor(op.inputs()[2]);
        return Nd4j.create(model.dequantize(tensor), new long[] {tensor.elementCount()}, 'c');
    }

    private String vertexOf(TfliteOperator op, int inputSlot) throws TfliteFormatException {
        String vertex = vertexOfTensor.get(op.inputs()[inputSlot]);
        if (vertex == null) {
            throw unsupported(op, "reads tensor " + op.inputs()[inputSlot]
                    + " that no earlier operator produced");
        }
        return vertex;
    }

    private void checkSquareSame(TfliteOperator op, int kernelHeight, int kernelWidth)
            throws TfliteFormatException {
        TfliteOptions options = op.options();
        if (options.padding() != TfliteOptions.PADDING_SAME) {
            throw unsupported(op, "padding VALID is not supported");
        }
        if (kernelHeight != kernelWidth || options.strideHeight() != options.strideWidth()) {
            throw unsupported(op, "non-square kernel or stride");
        }
    }

    private static int stride(TfliteOperator op) {
        return op.options().strideHeight();
    }

    private boolean relu6(TfliteOperator op) throws TfliteFormatException {
        int activation = op.options().activation();
        if (activation == TfliteOptions.ACTIVATION_RELU6) {
            return true;
        }
        if (activation != TfliteOptions.ACTIVATION_NONE) {
            throw unsupported(op, "fused activation " + activation + " is not supported");
        }
        return false;
    }

    private String nextName(String kind) {
        return String.format("%s_%03d", kind, layers.size());
    }

    private static long[] toLong(int[] shape) {
        long[] result = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            result[i] = shape[i];
        }
        return result;
    }

    private TfliteFormatException unsupported(TfliteOperator op, String problem) {
        return unsupported("operator " + op.index() + " " + op.opName() + ": " + problem);
    }

    private TfliteFormatException unsupported(String problem) {
        return new TfliteFormatException(model.source() + " " + problem);
    }
}
