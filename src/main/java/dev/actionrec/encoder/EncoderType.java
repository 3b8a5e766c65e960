package dev.actionrec.encoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kind of temporal encoder that turns a sequence of frame feature vectors into class scores. */
public enum EncoderType {
    /** Masked average of the frame features, then a softmax classifier: ignores frame order. */
    MEAN,
    /** Elman recurrent network (tanh), read at the last real step. */
    RNN,
    /** Long short-term memory network, read at the last real step (optionally bidirectional). */
    LSTM,
    /** Self-attention encoder with sinusoidal positional encoding and masked mean pooling. */
    TRANSFORMER;

    /**
     * Parses the command-line name of an encoder ({@code mean}, {@code rnn}, {@code lstm},
     * {@code transformer}), ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException if the name is null or not one of the choices
     */
    public static EncoderType parse(String name) {
        if (name != null) {
            String key = name.trim().toUpperCase(Locale.ROOT);
            for (EncoderType type : values()) {
                if (type.name().equals(key)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown encoder '" + name + "'; choose one of: " + choices());
    }

    /** Returns the command-line name, for example {@code lstm}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the command-line names of all encoders, comma-separated. */
    public static String choices() {
        return Arrays.stream(values()).map(EncoderType::cliName).collect(Collectors.joining(", "));
    }

    /** Returns whether this encoder is a recurrent network (gradient clipping on by default). */
    public boolean isRecurrent() {
        return this == RNN || this == LSTM;
    }
}
