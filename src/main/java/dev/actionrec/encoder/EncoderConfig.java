package dev.actionrec.encoder;

import java.util.Objects;
import org.deeplearning4j.nn.conf.GradientNormalization;

/**
 * Hyperparameters of a temporal encoder.
 *
 * <p>Defaults from {@link #defaults(EncoderType, int, int)}: hidden size 128, 1 layer, 4 heads,
 * feed-forward size 256, dropout 0.2, Adam with learning rate 1e-3, unidirectional, seed {@value
 * #DEFAULT_SEED}, at most {@value #DEFAULT_MAX_STEPS} steps, and for {@code rnn} and {@code lstm}
 * element-wise gradient clipping at 1.0 (none for {@code mean} and {@code transformer}).
 *
 * @param type encoder kind
 * @param featureSize length of one frame feature vector
 * @param numClasses number of action classes, the size of the softmax output
 * @param hiddenSize recurrent state size, model width {@code d_model} of the transformer, or size
 *     of the hidden dense layer of {@code mean}
 * @param layers stacked recurrent or transformer layers; for {@code mean} the number of hidden
 *     dense layers (0 or 1)
 * @param heads attention heads of the transformer; must divide {@code hiddenSize}
 * @param ffSize inner size of the transformer's position-wise feed-forward network
 * @param dropout probability of dropping an activation during training, in [0, 1)
 * @param learningRate Adam learning rate
 * @param bidirectional whether the {@code lstm} reads the sequence in both directions
 * @param seed random seed of the weight initialisation and dropout
 * @param maxSteps longest sequence, in steps, that the encoder accepts; bounds the positions of
 *     the transformer's positional encoding
 * @param gradientNormalization gradient clipping mode, {@code None} for no clipping
 * @param gradientClipThreshold clipping threshold of {@code gradientNormalization}
 */
public record EncoderConfig(
        EncoderType type,
        int featureSize,
        int numClasses,
        int hiddenSize,
        int layers,
        int heads,
        int ffSize,
        double dropout,
        double learningRate,
        boolean bidirectional,
        long seed,
        int maxSteps,
        GradientNormalization gradientNormalization,
        double gradientClipThreshold) {

    /** Default seed of weight initialisation and dropout. */
    public static final long DEFAULT_SEED = 42L;

    /** Default maximum sequence length, in steps. */
    public static final int DEFAULT_MAX_STEPS = 512;

    /**
     * Validates the hyperparameters.
     *
     * @throws IllegalArgumentException if a size is not positive, heads do not divide the hidden
     *     size of a transformer, dropout is outside [0, 1), or bidirectional is set for an encoder
     *     other than {@code lstm}
     */
    public EncoderConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gradientNormalization, "gradientNormalization");
        requirePositive("featureSize", featureSize);
        requirePositive("numClasses", numClasses);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("heads", heads);
        requirePositive("ffSize", ffSize);
        requirePositive("maxSteps", maxSteps);
        int minLayers = type == EncoderType.MEAN ? 0 : 1;
        if (layers < minLayers) {
            throw new IllegalArgumentException(
                    "layers must be at least " + minLayers + " for " + type.cliName() + ", got "
                            + layers);
        }
        if (type == EncoderType.MEAN && layers > 1) {
            throw new IllegalArgumentException(
                    "mean encoder takes 0 or 1 hidden dense layers, got " + layers);
        }
        if (type == EncoderType.TRANSFORMER && hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hiddenSize " + hiddenSize
                    + " is not divisible by heads " + heads + "; pick a multiple of heads");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (bidirectional && type != EncoderType.LSTM) {
            throw new IllegalArgumentException(
                    "bidirectional is only supported by the lstm encoder, not " + type.cliName());
        }
    }

    /** Returns the documented defaults for {@code type}. */
    public static EncoderConfig defaults(EncoderType type, int featureSize, int numClasses) {
        boolean clip = type.isRecurrent();
        return new EncoderConfig(type, featureSize, numClasses, 128, 1, 4, 256, 0.2, 1e-3, false,
                DEFAULT_SEED, DEFAULT_MAX_STEPS,
                clip ? GradientNormalization.ClipElementWiseAbsoluteValue
                        : GradientNormalization.None,
                1.0);
    }

    /** Returns a copy with another hidden size. */
    public EncoderConfig withHiddenSize(int value) {
        return new EncoderConfig(type, featureSize, numClasses, value, layers, heads, ffSize,
                dropout, learningRate, bidirectional, seed, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another number of layers. */
    public EncoderConfig withLayers(int value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, value, heads, ffSize,
                dropout, learningRate, bidirectional, seed, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another number of attention heads and feed-forward size. */
    public EncoderConfig withAttention(int newHeads, int newFfSize) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, newHeads,
                newFfSize, dropout, learningRate, bidirectional, seed, maxSteps,
                gradientNormalization, gradientClipThreshold);
    }

    /** Returns a copy with another dropout probability. */
    public EncoderConfig withDropout(double value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                value, learningRate, bidirectional, seed, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another learning rate. */
    public EncoderConfig withLearningRate(double value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                dropout, value, bidirectional, seed, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy that is (or is not) bidirectional. */
    public EncoderConfig withBidirectional(boolean value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                dropout, learningRate, value, seed, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another seed. */
    public EncoderConfig withSeed(long value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                dropout, learningRate, bidirectional, value, maxSteps, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another maximum sequence length, in steps. */
    public EncoderConfig withMaxSteps(int value) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                dropout, learningRate, bidirectional, seed, value, gradientNormalization,
                gradientClipThreshold);
    }

    /** Returns a copy with another gradient clipping mode and threshold. */
    public EncoderConfig withGradientClipping(GradientNormalization mode, double threshold) {
        return new EncoderConfig(type, featureSize, numClasses, hiddenSize, layers, heads, ffSize,
                dropout, learningRate, bidirectional, seed, maxSteps, mode, threshold);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
