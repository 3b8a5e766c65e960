package dev.actionrec.features.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes the pruned, weight-shared convolution weights that Deep Compression (Han et al., 2016)
 * publishes for Caffe networks, for example {@code compressed_SqueezeNet.net}.
 *
 * <p>Layout, all little-endian: one uint32 per layer giving its number of stored weights n, then
 * per layer in prototxt order a codebook of 256 float32 values, the layer's float32 biases, n
 * uint8 codes and {@code ceil(n / 2)} bytes of 4-bit position gaps (low nibble first). Stored
 * weight k sits at flat index {@code sum(gap[0..k]) + k} of the Caffe weight array {@code [out,
 * in, kH, kW]} and has value {@code codebook[code[k]]}. Positions that are not stored are pruned
 * weights, which are zero. Gaps longer than 15 are bridged by stored weights with code 0, whose
 * codebook value is zero.
 */
public final class DeepCompressionReader {

    private static final int CODEBOOK_SIZE = 256;

    private DeepCompressionReader() {}

    /**
     * Reads the weights of {@code layers} from {@code file}.
     *
     * @param layers the network's convolutions in the order the file stores them
     * @return one {@link LayerWeights} per layer: weights {@code [out, in, kH, kW]}, bias {@code
     *     [out]}
     * @throws IOException if the file cannot be read, is shorter or longer than the layers
     *     require, or places a weight outside its layer
     */
    public static List<LayerWeights> read(Path file, List<CaffeConv> layers) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long[] counts = new long[layers.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = Integer.toUnsignedLong(buffer.getInt());
            }
            List<LayerWeights> result = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                result.add(readLayer(buffer, layers.get(i), counts[i], file));
            }
            if (buffer.hasRemaining()) {
                throw new IOException(file + " has " + buffer.remaining()
                        + " bytes after the last layer; it is not a file for this network");
            }
            return result;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(file + " ends before the last layer; it is truncated or not a"
                    + " file for this network", e);
        }
    }

    private static LayerWeights readLayer(ByteBuffer buffer, CaffeConv layer, long count,
            Path file) throws IOException {
        if (count < 1 || count > layer.weightCount()) {
            throw new IOException(file + ": layer " + layer.name() + " stores " + count
                    + " weights, expected 1 to " + layer.weightCount());
        }
        int stored = (int) count;
        float[] codebook = new float[CODEBOOK_SIZE];
        buffer.asFloatBuffer().get(codebook);
        buffer.position(buffer.position() + CODEBOOK_SIZE * Float.BYTES);
        float[] bias = new float[layer.nOut()];
        buffer.asFloatBuffer().get(bias);
        buffer.position(buffer.position() + bias.length * Float.BYTES);
        byte[] codes = new byte[stored];
        buffer.get(codes);
        byte[] gaps = new byte[(stored + 1) / 2];
        buffer.get(gaps);

        float[] weights = new float[layer.weightCount()];
        int position = -1;
        for (int k = 0; k < stored; k++) {
            int packed = gaps[k / 2] & 0xFF;
            int gap = k % 2 == 0 ? packed & 0x0F : packed >>> 4;
            position += gap + 1;
            if (position >= weights.length) {
                throw new IOException(file + ": layer " + layer.name() + " places weight " + k
                        + " at index " + position + ", beyond its " + weights.length
                        + " weights");
            }
            weights[position] = codebook[codes[k] & 0xFF];
        }
        return new LayerWeights(
                Nd4j.create(weights, new long[] {layer.nOut(), layer.nIn(), layer.kernel(),
                    layer.kernel()}, 'c'),
                Nd4j.create(bias, new long[] {layer.nOut()}, 'c'));
    }
}
