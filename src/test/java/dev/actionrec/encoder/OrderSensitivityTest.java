package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.encoder.SyntheticSequences.Labelled;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that the order-aware encoders learn a label decided only by the order of two events, and
 * that the mean encoder, which ignores order, stays at chance.
 */
class OrderSensitivityTest {

    private static final int FEATURES = 8;

    @ParameterizedTest
    @EnumSource(EncoderType.class)
    void orderTaskAccuracy(EncoderType type) {
        Labelled train = SyntheticSequences.orderTask(400, FEATURES, 10, 14, 1);
        Labelled test = SyntheticSequences.orderTask(200, FEATURES, 10, 14, 2);
        EncoderConfig config = EncoderConfig.defaults(type, FEATURES, 2)
                .withHiddenSize(32)
                .withAttention(4, 64)
                .withDropout(0.0)
                .withLearningRate(type == EncoderType.TRANSFORMER ? 3e-3 : 1e-2);
        ComputationGraph graph = EncoderFactory.build(config);

        int epochs = type == EncoderType.TRANSFORMER ? 20 : 15;
        SyntheticSequences.train(graph, train, 32, epochs);
        double accuracy = SyntheticSequences.accuracy(graph, test);

        if (type == EncoderType.MEAN) {
            assertTrue(accuracy <= 0.65, "mean should stay at chance, got " + accuracy);
        } else {
            assertTrue(accuracy >= 0.95, type.cliName() + " accuracy " + accuracy);
        }
    }
}
