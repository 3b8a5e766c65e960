package dev.actionrec.features.convert;

/**
 * One vertex of a feed-forward image network, independent of the file format it came from.
 * Spatial sizes are in pixels, and every convolution uses TensorFlow SAME padding.
 */
public sealed interface LayerSpec {

    /** Returns the unique vertex name. */
    String name();

    /** A 2D convolution with bias, optionally followed by ReLU6. */
    record Conv(String name, String input, int kernel, int stride, int nIn, int nOut,
            boolean relu6) implements LayerSpec {}

    /** A depthwise 2D convolution with bias, optionally followed by ReLU6. */
    record Depthwise(String name, String input, int kernel, int stride, int channels,
            int multiplier, boolean relu6) implements LayerSpec {}

    /** The element-wise sum of two vertices of equal shape (a residual connection). */
    record Add(String name, String left, String right) implements LayerSpec {}

    /** Global average pooling over height and width: {@code [batch, channels]} out. */
    record GlobalAvgPool(String name, String input, int channels) implements LayerSpec {}

    /** A fully connected layer without activation: {@code [batch, nOut]} logits out. */
    record Dense(String name, String input, int nIn, int nOut) implements LayerSpec {}
}
