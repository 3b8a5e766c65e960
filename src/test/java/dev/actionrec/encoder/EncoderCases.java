package dev.actionrec.encoder;

import java.util.List;

/** Small configurations of every encoder, for tests that must hold for all of them. */
final class EncoderCases {

    static final int FEATURES = 6;
    static final int CLASSES = 2;

    private EncoderCases() {}

    /**
     * Returns one small configuration per encoder, plus the bidirectional LSTM with 1 and 2
     * layers and the transformer with 2 layers.
     */
    static List<EncoderConfig> all() {
        return List.of(
                small(EncoderType.MEAN),
                small(EncoderType.RNN),
                small(EncoderType.LSTM),
                small(EncoderType.LSTM).withBidirectional(true),
                small(EncoderType.LSTM).withBidirectional(true).withLayers(2),
                small(EncoderType.TRANSFORMER),
                small(EncoderType.TRANSFORMER).withLayers(2));
    }

    static EncoderConfig small(EncoderType type) {
        return EncoderConfig.defaults(type, FEATURES, CLASSES)
                .withHiddenSize(8)
                .withAttention(2, 16);
    }

    /** Returns a short name for test output, for example {@code lstm-bidirectional}. */
    static String name(EncoderConfig config) {
        return config.type().cliName() + (config.bidirectional() ? "-bidirectional" : "")
                + (config.layers() > 1 ? "-" + config.layers() + "layers" : "");
    }
}
