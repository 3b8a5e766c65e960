package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that the same seed and data give the same trained encoder, dropout included. */
class ReproducibilityTest {

    static Stream<Named<EncoderConfig>> encoders() {
        return EncoderCases.all().stream().map(c -> Named.of(EncoderCases.name(c), c));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void sameSeedSameModel(EncoderConfig config) {
        SyntheticSequences.Labelled data = SyntheticSequences.orderTask(20,
                config.featureSize(), 4, 10, 6);

        ComputationGraph first = trainedTwice(config, data);
        ComputationGraph second = trainedTwice(config, data);
        ComputationGraph otherSeed = trainedTwice(config.withSeed(config.seed() + 1), data);

        assertEquals(first.params(), second.params());
        assertEquals(predict(first, data), predict(second, data));
        assertNotEquals(first.params(), otherSeed.params());
    }

    private static ComputationGraph trainedTwice(EncoderConfig config,
            SyntheticSequences.Labelled data) {
        ComputationGraph graph = EncoderFactory.build(config);
        SyntheticSequences.train(graph, data, 8, 2);
        return graph;
    }

    private static INDArray predict(ComputationGraph graph, SyntheticSequences.Labelled data) {
        return Encoders.predict(graph, data.batch().features(), data.batch().mask());
    }
}
