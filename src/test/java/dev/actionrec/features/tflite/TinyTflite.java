package dev.actionrec.features.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small TFLite flatbuffers for tests, using the field slots of the TFLite schema: one
 * subgraph, float32 tensors, and operators with builtin options.
 */
public final class TinyTflite {

    private final FlatBufferBuilder builder = new FlatBufferBuilder(1024);
    private final List<Integer> tensors = new ArrayList<>();
    private final List<Integer> buffers = new ArrayList<>();
    private final List<Integer> operators = new ArrayList<>();
    private final List<Integer> codes = new ArrayList<>();

    /** Starts a model whose buffer 0 is the empty buffer, as TFLite requires. */
    public TinyTflite() {
        buffers.add(buffer(new float[0]));
    }

    /** Adds an activation tensor without data and returns its index. */
    public int tensor(String name, int... shape) {
        return addTensor(name, shape, 0);
    }

    /** Adds a constant float32 tensor and returns its index. */
    public int constant(String name, float[] values, int... shape) {
        buffers.add(buffer(values));
        return addTensor(name, shape, buffers.size() - 1);
    }

    /** Adds a CONV_2D with SAME padding and the given stride and fused activation. */
    public void conv(int input, int weights, int bias, int output, int stride, int activation) {
        builder.startTable(4);
        builder.addInt(1, stride, 0);
        builder.addInt(2, stride, 0);
        builder.addByte(3, (byte) activation, 0);
        operator(BuiltinOperator.CONV_2D, 1, builder.endTable(), new int[] {input, weights, bias},
                output);
    }

    /** Adds an AVERAGE_POOL_2D with VALID padding over a square window. */
    public void averagePool(int input, int output, int window) {
        builder.startTable(6);
        builder.addByte(0, (byte) TfliteOptions.PADDING_VALID, 0);
        builder.addInt(1, 1, 0);
        builder.addInt(2, 1, 0);
        builder.addInt(3, window, 0);
        builder.addInt(4, window, 0);
        operator(BuiltinOperator.AVERAGE_POOL_2D, 5, builder.endTable(), new int[] {input},
                output);
    }

    /** Adds a FULLY_CONNECTED without options. */
    public void fullyConnected(int input, int weights, int bias, int output) {
        operator(BuiltinOperator.FULLY_CONNECTED, 0, 0, new int[] {input, weights, bias}, output);
    }

    /** Adds an operator by code, without options. */
    public void other(int code, int[] inputs, int output) {
        operator(code, 0, 0, inputs, output);
    }

    /** Returns the finished flatbuffer with {@code input} and {@code output} as graph ends. */
    public byte[] finish(int input, int output) {
        int tensorVector = builder.createVectorOfTables(toArray(tensors));
        int inputs = intVector(new int[] {input});
        int outputs = intVector(new int[] {output});
        int operatorVector = builder.createVectorOfTables(toArray(operators));
        builder.startTable(5);
        builder.addOffset(0, tensorVector, 0);
        builder.addOffset(1, inputs, 0);
        builder.addOffset(2, outputs, 0);
        builder.addOffset(3, operatorVector, 0);
        int subgraph = builder.endTable();

        int[] codeTables = new int[codes.size()];
        for (int i = 0; i < codeTables.length; i++) {
            builder.startTable(4);
            builder.addByte(0, codes.get(i).byteValue(), 0);
            builder.addInt(3, codes.get(i), 0);
            codeTables[i] = builder.endTable();
        }
        int codeVector = builder.createVectorOfTables(codeTables);
        int subgraphs = builder.createVectorOfTables(new int[] {subgraph});
        int bufferVector = builder.createVectorOfTables(toArray(buffers));
        builder.startTable(5);
        builder.addInt(0, 3, 0);
        builder.addOffset(1, codeVector, 0);
        builder.addOffset(2, subgraphs, 0);
        builder.addOffset(4, bufferVector, 0);
        builder.finish(builder.endTable(), "TFL3");
        return builder.sizedByteArray();
    }

    private int addTensor(String name, int[] shape, int buffer) {
        int nameOffset = builder.createString(name);
        int shapeOffset = intVector(shape);
        builder.startTable(5);
        builder.addOffset(0, shapeOffset, 0);
        builder.addByte(1, (byte) TfliteTensor.TYPE_FLOAT32, 0);
        builder.addInt(2, buffer, 0);
        builder.addOffset(3, nameOffset, 0);
        tensors.add(builder.endTable());
        return tensors.size() - 1;
    }

    private void operator(int code, int optionsType, int options, int[] inputs, int output) {
        int codeIndex = codes.indexOf(code);
        if (codeIndex < 0) {
            codes.add(code);
            codeIndex = codes.size() - 1;
        }
        int inputVector = intVector(inputs);
        int outputVector = intVector(new int[] {output});
        builder.startTable(5);
        builder.addInt(0, codeIndex, 0);
        builder.addOffset(1, inputVector, 0);
        builder.addOffset(2, outputVector, 0);
        builder.addByte(3, (byte) optionsType, 0);
        builder.addOffset(4, options, 0);
        operators.add(builder.endTable());
    }

    private int buffer(float[] values) {
        byte[] bytes = new byte[values.length * 4];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                .put(values);
        int data = builder.createByteVector(bytes);
        builder.startTable(1);
        builder.addOffset(0, data, 0);
        return builder.endTable();
    }

    private int intVector(int[] values) {
        builder.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            builder.addInt(values[i]);
        }
        return builder.endVector();
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
