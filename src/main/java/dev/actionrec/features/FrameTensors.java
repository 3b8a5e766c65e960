package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.nio.FloatBuffer;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Converts RGB frames to the float input of an ImageNet network. */
final class FrameTensors {

    private FrameTensors() {}

    /**
     * Returns {@code [n, 3, size, size]} (NCHW) or {@code [n, size, size, 3]} (NHWC) floats with
     * each 8-bit value p mapped to {@code (p - 128) / 128}, red channel first.
     *
     * @throws IllegalArgumentException if a frame is not {@code size x size}
     */
    static INDArray toInput(List<VideoFrame> frames, CNN2DFormat format, int size) {
        return toInput(frames, format, size, PixelNormalisation.TFLITE_UINT8);
    }

    /**
     * Returns {@code [n, 3, size, size]} (NCHW) or {@code [n, size, size, 3]} (NHWC) floats
     * mapped by {@code normalisation}, in its channel order.
     *
     * @throws IllegalArgumentException if a frame is not {@code size x size}
     */
    static INDArray toInput(List<VideoFrame> frames, CNN2DFormat format, int size,
            PixelNormalisation normalisation) {
        int pixels = size * size;
        float[] values = new float[frames.size() * pixels * 3];
        for (int n = 0; n < frames.size(); n++) {
            VideoFrame frame = frames.get(n);
            requireSize(frame, n, size);
            byte[] rgb = frame.rgb();
            int base = n * pixels * 3;
            for (int i = 0; i < pixels * 3; i++) {
                int rgbChannel = i % 3;
                float value = normalisation.apply(rgbChannel, rgb[i] & 0xFF);
                int channel = normalisation.inputChannel(rgbChannel);
                if (format == CNN2DFormat.NHWC) {
                    values[base + i - rgbChannel + channel] = value;
                } else {
                    values[base + channel * pixels + i / 3] = value;
                }
            }
        }
        long[] shape = format == CNN2DFormat.NHWC
                ? new long[] {frames.size(), size, size, 3}
                : new long[] {frames.size(), 3, size, size};
        return Nd4j.create(values, shape, 'c');
    }

    /**
     * Writes {@code [n, 3, size, size]} (NCHW) floats mapped by {@code normalisation} to {@code
     * out}, starting at its position and leaving the position after the last value.
     *
     * @throws IllegalArgumentException if a frame is not {@code size x size}
     * @throws java.nio.BufferOverflowException if {@code out} has too little room
     */
    static void toNchw(List<VideoFrame> frames, int size, PixelNormalisation normalisation,
            FloatBuffer out) {
        int pixels = size * size;
        float[][] lookup = new float[3][256];
        for (int rgbChannel = 0; rgbChannel < 3; rgbChannel++) {
            for (int p = 0; p < 256; p++) {
                lookup[normalisation.inputChannel(rgbChannel)][p] =
                        normalisation.apply(rgbChannel, p);
            }
        }
        float[] plane = new float[pixels];
        for (int n = 0; n < frames.size(); n++) {
            VideoFrame frame = frames.get(n);
            requireSize(frame, n, size);
            byte[] rgb = frame.rgb();
            for (int channel = 0; channel < 3; channel++) {
                int rgbChannel = normalisation.inputChannel(channel);
                float[] table = lookup[channel];
                for (int i = 0, j = rgbChannel; i < pixels; i++, j += 3) {
                    plane[i] = table[rgb[j] & 0xFF];
                }
                out.put(plane);
            }
        }
    }

    private static void requireSize(VideoFrame frame, int index, int size) {
        if (frame.width() != size || frame.height() != size) {
            throw new IllegalArgumentException("frame " + index + " at "
                    + frame.timestampMicros() + " us is " + frame.width() + "x" + frame.height()
                    + ", expected " + size + "x" + size
                    + "; crop frames to the backbone input size first");
        }
    }
}
