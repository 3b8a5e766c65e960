package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
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
            if (frame.width() != size || frame.height() != size) {
                throw new IllegalArgumentException("frame " + n + " at " + frame.timestampMicros()
                        + " us is " + frame.width() + "x" + frame.height() + ", expected " + size
                        + "x" + size + "; crop frames to the backbone input size first");
            }
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
}
