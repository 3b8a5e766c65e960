package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.junit.jupiter.api.Test;

/** Checks encoder names, defaults and configuration validation. */
class EncoderConfigTest {

    @Test
    void parseIgnoresCase() {
        assertEquals(EncoderType.MEAN, EncoderType.parse("mean"));
        assertEquals(EncoderType.RNN, EncoderType.parse("RNN"));
        assertEquals(EncoderType.LSTM, EncoderType.parse(" Lstm "));
        assertEquals(EncoderType.TRANSFORMER, EncoderType.parse("transformer"));
    }

    @Test
    void parseUnknownListsChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EncoderType.parse("gru"));

        assertTrue(error.getMessage().contains("'gru'"), error.getMessage());
        assertTrue(error.getMessage().contains("mean, rnn, lstm, transformer"),
                error.getMessage());
    }

    @Test
    void defaultsClipRecurrentOnly() {
        for (EncoderType type : EncoderType.values()) {
            EncoderConfig config = EncoderConfig.defaults(type, 16, 3);
            GradientNormalization expected = type.isRecurrent()
                    ? GradientNormalization.ClipElementWiseAbsoluteValue
                    : GradientNormalization.None;

            assertEquals(expected, config.gradientNormalization(), type.cliName());
            assertEquals(128, config.hiddenSize());
            assertEquals(1, config.layers());
            assertEquals(4, config.heads());
            assertEquals(256, config.ffSize());
            assertEquals(0.2, config.dropout());
            assertEquals(1e-3, config.learningRate());
        }
    }

    @Test
    void headsMustDivideWidth() {
        EncoderConfig config = EncoderConfig.defaults(EncoderType.TRANSFORMER, 16, 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> config.withAttention(3, 64));

        assertTrue(error.getMessage().contains("not divisible by heads 3"), error.getMessage());
    }

    @Test
    void bidirectionalOnlyForLstm() {
        EncoderConfig rnn = EncoderConfig.defaults(EncoderType.RNN, 16, 3);

        assertThrows(IllegalArgumentException.class, () -> rnn.withBidirectional(true));
    }

    @Test
    void invalidDropoutRejected() {
        EncoderConfig config = EncoderConfig.defaults(EncoderType.LSTM, 16, 3);

        assertThrows(IllegalArgumentException.class, () -> config.withDropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> config.withDropout(-0.1));
    }

    @Test
    void parameterCountMatchesLstmFormula() {
        EncoderConfig config = EncoderConfig.defaults(EncoderType.LSTM, 16, 3).withHiddenSize(8);
        // LSTM: 4 gates x (input 16 + recurrent 8 + bias 1) x 8; output layer: 8 x 3 + 3.
        long expected = 4L * (16 + 8 + 1) * 8 + 8 * 3 + 3;

        assertEquals(expected, Encoders.parameterCount(EncoderFactory.build(config)));
    }
}
