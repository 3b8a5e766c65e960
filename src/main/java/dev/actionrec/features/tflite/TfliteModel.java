package dev.actionrec.features.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first subgraph of a TFLite flatbuffer (schema {@code tflite/schema.fbs}): its tensors,
 * operators in execution order and the constant buffers, with dequantisation of weights.
 */
public final class TfliteModel {

    private static final String FILE_IDENTIFIER = "TFL3";

    private final Path source;
    private final FlatTable model;
    private final List<TfliteTensor> tensors;
    private final List<TfliteOperator> operators;
    private final int[] inputs;
    private final int[] outputs;

    private TfliteModel(Path source, FlatTable model) throws TfliteFormatException {
        this.source = source;
        this.model = model;
        if (model.vectorLength(2) < 1) {
            throw new TfliteFormatException(source + " has no subgraph");
        }
        FlatTable subgraph = model.tableAt(2, 0);
        this.tensors = readTensors(subgraph);
        this.operators = readOperators(subgraph, readOperatorCodes(model));
        this.inputs = subgraph.readIntVector(1);
        this.outputs = subgraph.readIntVector(2);
    }

    /**
     * Reads a TFLite file.
     *
     * @throws TfliteFormatException if the file lacks the {@code TFL3} identifier or a subgraph
     * @throws IOException if the file cannot be read
     */
    public static TfliteModel read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!hasIdentifier(bytes)) {
            throw new TfliteFormatException(
                    file + " is not a TensorFlow Lite model (no TFL3 identifier at byte 4)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new TfliteModel(file, FlatTable.root(buffer));
        } catch (IndexOutOfBoundsException e) {
            throw new TfliteFormatException(file + " is a damaged TFLite flatbuffer: " + e);
        }
    }

    /** Returns true if the bytes carry the TFLite file identifier at offset 4. */
    public static boolean hasIdentifier(byte[] bytes) {
        return bytes.length >= 8
                && new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)
                        .equals(FILE_IDENTIFIER);
    }

    /** Returns the file the model was read from. */
    public Path source() {
        return source;
    }

    /** Returns all tensors of the subgraph, indexed by tensor index. */
    public List<TfliteTensor> tensors() {
        return tensors;
    }

    /** Returns one tensor by index. */
    public TfliteTensor tensor(int index) {
        return tensors.get(index);
    }

    /** Returns the operators in execution order. */
    public List<TfliteOperator> operators() {
        return operators;
    }

    /** Returns the tensor indices of the subgraph inputs. */
    public int[] inputs() {
        return inputs.clone();
    }

    /** Returns the tensor indices of the subgraph outputs. */
    public int[] outputs() {
        return outputs.clone();
    }

    /**
     * Returns the real values of a constant tensor, in its stored row-major order.
     *
     * <p>UINT8 values map to {@code scale * (q - zeroPoint)}, INT32 values to {@code scale * q}
     * (or {@code q} when the scale is 0), FLOAT32 values are copied.
     *
     * @throws TfliteFormatException if the tensor has no data or an unsupported type
     */
    public float[] dequantize(TfliteTensor tensor) throws TfliteFormatException {
        ByteBuffer data = bufferData(tensor.bufferIndex());
        int count = Math.toIntExact(tensor.elementCount());
        int width = tensor.type() == TfliteTensor.TYPE_UINT8 ? 1 : 4;
        if (data.remaining() != count * width) {
            throw new TfliteFormatException(source + ": " + tensor + " has " + data.remaining()
                    + " bytes of data, expected " + count * width);
        }
        float[] values = new float[count];
        switch (tensor.type()) {
            case TfliteTensor.TYPE_UINT8 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = tensor.scale() * ((data.get(i) & 0xFF) - tensor.zeroPoint());
                }
            }
            case TfliteTensor.TYPE_INT32 -> {
                float scale = tensor.scale() == 0 ? 1 : tensor.scale();
                for (int i = 0; i < count; i++) {
                    values[i] = scale * data.getInt(4 * i);
                }
            }
            case TfliteTensor.TYPE_FLOAT32 -> data.asFloatBuffer().get(values);
            default -> throw new TfliteFormatException(
                    source + ": " + tensor + " has unsupported element type " + tensor.type());
        }
        return values;
    }

    private ByteBuffer bufferData(int bufferIndex) throws TfliteFormatException {
        if (bufferIndex <= 0 || bufferIndex >= model.vectorLength(4)) {
            throw new TfliteFormatException(
                    source + ": constant tensor refers to missing buffer " + bufferIndex);
        }
        return model.tableAt(4, bufferIndex).readBytes(0);
    }

    private static int[] readOperatorCodes(FlatTable model) {
        int[] codes = new int[model.vectorLength(1)];
        for (int i = 0; i < codes.length; i++) {
            FlatTable code = model.tableAt(1, i);
            // Schema 2.x moved the code from a byte field (slot 0) to an int field (slot 3).
            codes[i] = Math.max(code.readByte(0, 0), code.readInt(3, 0));
        }
        return codes;
    }

    private static List<TfliteTensor> readTensors(FlatTable subgraph) {
        List<TfliteTensor> result = new ArrayList<>();
        for (int i = 0; i < subgraph.vectorLength(0); i++) {
            FlatTable tensor = subgraph.tableAt(0, i);
            float scale = 0;
            long zeroPoint = 0;
            FlatTable quantization = tensor.readTable(4);
            if (quantization != null) {
                float[] scales = quantization.readFloatVector(2);
                long[] zeroPoints = quantization.readLongVector(3);
                scale = scales.length > 0 ? scales[0] : 0;
                zeroPoint = zeroPoints.length > 0 ? zeroPoints[0] : 0;
            }
            result.add(new TfliteTensor(i, tensor.readString(3), tensor.readIntVector(0),
                    tensor.readByte(1, 0), tensor.readInt(2, 0), scale, zeroPoint));
        }
        return List.copyOf(result);
    }

    private static List<TfliteOperator> readOperators(FlatTable subgraph, int[] codes) {
        List<TfliteOperator> result = new ArrayList<>();
        for (int i = 0; i < subgraph.vectorLength(3); i++) {
            FlatTable operator = subgraph.tableAt(3, i);
            int code = codes[operator.readInt(0, 0)];
            TfliteOptions options = TfliteOptions.read(code, operator.readTable(4));
            result.add(new TfliteOperator(i, code, operator.readIntVector(1),
                    operator.readIntVector(2), options));
        }
        return List.copyOf(result);
    }
}
