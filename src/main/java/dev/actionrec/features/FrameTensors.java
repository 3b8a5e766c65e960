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
            checkSize(frame, n, size);
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
     * Writes {@code [n, 3, size, size]} (NCHW) floats mapped by {@code normalisation}, in its
     * channel order, into {@code out} from its position on, and advances the position past them.
     * The values equal those of {@link #toInput(List, CNN2DFormat, int, PixelNormalisation)}
     * with NCHW.
     *
     * @param out buffer with at least {@code n * 3 * size * size} floats remaining, heap or
     *     direct
     * @throws IllegalArgumentException if a frame is not {@code size x size} or {@code out} has
     *     too little room; nothing is written then
     */
    static void toNchw(List<VideoFrame> frames, int size, PixelNormalisation normalisation,
            FloatBuffer out) {
        int pixels = size * size;
        long needed = (long) frames.size() * 3 * pixels;
        if (out.remaining() < needed) {
            throw new IllegalArgumentException("output buffer too small: " + out.remaining()
                    + " floats remaining, " + frames.size() + " frames of " + size + "x" + size
                    + " need " + needed);
        }
        for (int n = 0; n < frames.size(); n++) {
            checkSize(frames.get(n), n, size);
        }

        float[][] lookup = lookupTables(normalisation);
        float[] red = lookup[0];
        float[] green = lookup[1];
        float[] blue = lookup[2];
        int start = out.position();
        for (int n = 0; n < frames.size(); n++) {
            byte[] rgb = frames.get(n).rgb();
            int redBase = start + n * 3 * pixels + normalisation.inputChannel(0) * pixels;
            int greenBase = start + n * 3 * pixels + normalisation.inputChannel(1) * pixels;
            int blueBase = start + n * 3 * pixels + normalisation.inputChannel(2) * pixels;
            for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                out.put(redBase + i, red[rgb[j] & 0xFF]);
                out.put(greenBase + i, green[rgb[j + 1] & 0xFF]);
                out.put(blueBase + i, blue[rgb[j + 2] & 0xFF]);
            }
        }
        out.position(start + (int) needed);
    }

    /** Builds one table per RGB channel that maps each pixel value 0-255 to its network input. */
    private static float[][] lookupTables(PixelNormalisation normalisation) {
        float[][] lookup = new float[3][256];
        for (int channel = 0; channel < 3; channel++) {
            for (int p = 0; p < 256; p++) {
                lookup[channel][p] = normalisation.apply(channel, p);
            }
        }
        return lookup;
    }

    private static void checkSize(VideoFrame frame, int index, int size) {
        if (frame.width() != size || frame.height() != size) {
            throw new IllegalArgumentException("frame " + index + " at "
                    + frame.timestampMicros() + " us is " + frame.width() + "x" + frame.height()
                    + ", expected " + size + "x" + size
                    + "; crop frames to the backbone input size first");
        }
    }
}
