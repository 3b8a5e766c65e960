package dev.actionrec.features.tflite;

import java.util.Arrays;

/**
 * One tensor of a TFLite subgraph.
 *
 * @param index position in the subgraph's tensor list
 * @param name tensor name from the converter, for example {@code MobilenetV2/Conv/Relu6}
 * @param shape dimensions, for images {@code [batch, height, width, channels]}
 * @param type element type, one of the {@code TYPE_} constants
 * @param bufferIndex index into the model's buffers; buffer 0 is the empty buffer
 * @param scale quantisation scale, 0 when the tensor is not quantised
 * @param zeroPoint quantisation zero point
 */
public record TfliteTensor(
        int index, String name, int[] shape, int type, int bufferIndex, float scale,
        long zeroPoint) {

    /** TensorType FLOAT32. */
    public static final int TYPE_FLOAT32 = 0;
    /** TensorType INT32. */
    public static final int TYPE_INT32 = 2;
    /** TensorType UINT8. */
    public static final int TYPE_UINT8 = 3;

    /** Returns the number of elements. */
    public long elementCount() {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    @Override
    public String toString() {
        return "tensor " + index + " '" + name + "' " + Arrays.toString(shape) + " type " + type;
    }
}
