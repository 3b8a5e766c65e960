package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Checks that padded steps never change a prediction and that empty rows are rejected. */
class MaskingTest {

    private static final int REAL_STEPS = 10;
    private static final int PADDED_STEPS = 30;

    static Stream<Named<EncoderConfig>> encoders() {
        return EncoderCases.all().stream().map(c -> Named.of(EncoderCases.name(c), c));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void paddingDoesNotChangePrediction(EncoderConfig config) {
        ComputationGraph graph = EncoderFactory.build(config);
        Random random = new Random(7);
        float[][] shortSequence = SyntheticSequences.noise(random, REAL_STEPS, config.featureSize());
        float[][] fullSequence = SyntheticSequences.noise(random, PADDED_STEPS,
                config.featureSize());

        SequenceBatch alone = SequenceBatch.of(List.<float[][]>of(shortSequence));
        INDArray expected = Encoders.predict(graph, alone.features(), alone.mask()).getRow(0);

        for (float fill : new float[] {0f, 1000f}) {
            SequenceBatch padded = SequenceBatch.of(List.of(shortSequence, fullSequence));
            assertEquals(PADDED_STEPS, padded.features().size(2));
            padded.features()
                    .get(NDArrayIndex.point(0), NDArrayIndex.all(),
                            NDArrayIndex.interval(REAL_STEPS, PADDED_STEPS))
                    .assign(fill);

            INDArray actual = Encoders.predict(graph, padded.features(), padded.mask()).getRow(0);

            assertFalse(actual.isNaN().any(), "NaN with padding " + fill);
            assertTrue(expected.equalsWithEps(actual, 1e-5),
                    "padding " + fill + ": " + actual + " differs from " + expected);
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void emptyRowRejected(EncoderConfig config) {
        ComputationGraph graph = EncoderFactory.build(config);
        INDArray features = Nd4j.rand(2, config.featureSize(), 5);
        INDArray mask = Nd4j.ones(2, 5);
        mask.getRow(1).assign(0);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Encoders.predict(graph, features, mask));

        assertTrue(error.getMessage().contains("row 1 has no real step"), error.getMessage());
    }

    @Test
    void emptySequenceRejected() {
        List<float[][]> sequences = List.of(new float[3][4], new float[0][4]);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SequenceBatch.of(sequences));

        assertTrue(error.getMessage().contains("sequence 1 has no step"), error.getMessage());
    }

    @Test
    void stepAfterPaddingRejected() {
        INDArray features = Nd4j.rand(1, 4, 3);
        INDArray mask = Nd4j.createFromArray(new float[][] {{1, 0, 1}});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Encoders.validate(features, mask));

        assertTrue(error.getMessage().contains("real step at 2 after padding"),
                error.getMessage());
    }

    @Test
    void nonBinaryMaskRejected() {
        INDArray features = Nd4j.rand(1, 4, 2);
        INDArray mask = Nd4j.createFromArray(new float[][] {{1, 0.5f}});

        assertThrows(IllegalArgumentException.class, () -> Encoders.validate(features, mask));
    }

    @Test
    void maskShapeMismatchRejected() {
        INDArray features = Nd4j.rand(2, 4, 3);
        INDArray mask = Nd4j.ones(2, 4);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Encoders.validate(features, mask));

        assertTrue(error.getMessage().contains("[2, 3]"), error.getMessage());
    }
}
