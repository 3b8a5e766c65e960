package dev.actionrec.features;

/**
 * Maps 8-bit RGB pixels to the float input that a network's weights were trained with: each
 * value p of colour channel c becomes {@code (p - mean[c]) * scale}, with the channels in RGB or
 * BGR order.
 *
 * @param bgr whether the network takes blue first (Caffe and Keras "caffe" mode) instead of red
 * @param meanRed value subtracted from the red channel
 * @param meanGreen value subtracted from the green channel
 * @param meanBlue value subtracted from the blue channel
 * @param scale factor applied after the subtraction
 */
public record PixelNormalisation(
        boolean bgr, float meanRed, float meanGreen, float meanBlue, float scale) {

    /** RGB mapped to [-1, 1] by {@code (p - 128) / 128}, as quantised TFLite models take it. */
    public static final PixelNormalisation TFLITE_UINT8 =
            new PixelNormalisation(false, 128f, 128f, 128f, 1f / 128f);

    /** RGB mapped to [-1, 1] by {@code p / 127.5 - 1} (Keras "tf" mode). */
    public static final PixelNormalisation KERAS_TF =
            new PixelNormalisation(false, 127.5f, 127.5f, 127.5f, 1f / 127.5f);

    /** RGB mapped to [0, 1] by {@code p / 255}. */
    public static final PixelNormalisation UNIT_RGB =
            new PixelNormalisation(false, 0f, 0f, 0f, 1f / 255f);

    /**
     * BGR minus the ImageNet channel means of the VGG and ResNet Caffe models (R 123.68, G
     * 116.779, B 103.939), unscaled (Keras "caffe" mode, DL4J {@code VGG16ImagePreProcessor}).
     */
    public static final PixelNormalisation CAFFE_VGG =
            new PixelNormalisation(true, 123.68f, 116.779f, 103.939f, 1f);

    /** BGR minus the rounded means of the SqueezeNet Caffe model (R 123, G 117, B 104). */
    public static final PixelNormalisation CAFFE_SQUEEZENET =
            new PixelNormalisation(true, 123f, 117f, 104f, 1f);

    /** Returns the network input for a pixel value {@code p} (0-255) of RGB channel 0, 1 or 2. */
    float apply(int rgbChannel, int p) {
        float mean = switch (rgbChannel) {
            case 0 -> meanRed;
            case 1 -> meanGreen;
            default -> meanBlue;
        };
        return (p - mean) * scale;
    }

    /** Returns the input channel index that RGB channel 0, 1 or 2 goes to. */
    int inputChannel(int rgbChannel) {
        return bgr ? 2 - rgbChannel : rgbChannel;
    }
}
