package dev.actionrec.cli;

import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.encoder.EncoderType;
import picocli.CommandLine.Option;

/** Options that choose and size the temporal encoder. */
final class EncoderOptions {

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "lstm",
            description = "Temporal encoder: mean, rnn, lstm or transformer (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--hidden-size", paramLabel = "N", defaultValue = "128",
            description = "Recurrent state size, transformer width d_model, or hidden layer size of"
                    + " mean, in units (default: ${DEFAULT-VALUE}).")
    int hiddenSize;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "1",
            description = "Stacked recurrent or transformer layers; 0 or 1 hidden layers for mean"
                    + " (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--heads", paramLabel = "N", defaultValue = "4",
            description = "Attention heads of the transformer; must divide --hidden-size"
                    + " (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--ff-size", paramLabel = "N", defaultValue = "256",
            description = "Inner size of the transformer's feed-forward network, in units"
                    + " (default: ${DEFAULT-VALUE}).")
    int ffSize;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0.2",
            description = "Dropout probability during training, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--bidirectional",
            description = "Read the sequence in both directions (lstm only).")
    boolean bidirectional;

    /** Builds the encoder configuration for the given feature size, classes and seed. */
    EncoderConfig toConfig(int featureSize, int numClasses, long seed, int maxSteps) {
        EncoderType type = EncoderType.parse(encoder);
        return EncoderConfig.defaults(type, featureSize, numClasses)
                .withHiddenSize(hiddenSize)
                .withLayers(layers)
                .withAttention(heads, ffSize)
                .withDropout(dropout)
                .withLearningRate(learningRate)
                .withBidirectional(bidirectional)
                .withSeed(seed)
                .withMaxSteps(Math.max(EncoderConfig.DEFAULT_MAX_STEPS, maxSteps));
    }
}
