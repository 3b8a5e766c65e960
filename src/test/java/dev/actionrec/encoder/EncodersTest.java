package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks the training and inference helpers around the encoder graphs. */
class EncodersTest {

    @Test
    void fitKeepsStdoutClean() {
        ComputationGraph graph = EncoderFactory.build(EncoderCases.small(EncoderType.TRANSFORMER));
        SyntheticSequences.Labelled data = SyntheticSequences.orderTask(8,
                EncoderCases.FEATURES, 3, 6, 9);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Encoders.fit(graph, data.slice(0, 8));
        } finally {
            System.setOut(original);
        }

        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertEquals(1, graph.getIterationCount());
        assertEquals(original, System.out);
    }

    @Test
    void predictRejectsTooManySteps() {
        EncoderConfig config = EncoderCases.small(EncoderType.TRANSFORMER).withMaxSteps(8);
        ComputationGraph graph = EncoderFactory.build(config);
        INDArray features = Nd4j.rand(1, EncoderCases.FEATURES, 9);
        INDArray mask = Nd4j.ones(1, 9);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Encoders.predict(graph, features, mask));

        assertTrue(error.getMessage().contains("at most 8"), error.getMessage());
    }

    @Test
    void nullMaskMeansAllStepsReal() {
        ComputationGraph graph = EncoderFactory.build(EncoderCases.small(EncoderType.LSTM));
        INDArray features = Nd4j.rand(2, EncoderCases.FEATURES, 5);

        INDArray withoutMask = Encoders.predict(graph, features, null);
        INDArray withMask = Encoders.predict(graph, features, Nd4j.ones(2, 5));

        assertTrue(withMask.equalsWithEps(withoutMask, 1e-6), withoutMask + " vs " + withMask);
    }

    @Test
    void sequenceBatchPadsAndMasks() {
        float[][] first = {{1, 2}, {3, 4}, {5, 6}};
        float[][] second = {{7, 8}};

        SequenceBatch batch = SequenceBatch.of(List.of(first, second));

        assertEquals(List.of(2L, 2L, 3L), List.of(batch.features().shape()[0],
                batch.features().shape()[1], batch.features().shape()[2]));
        assertEquals(5.0, batch.features().getDouble(0, 0, 2));
        assertEquals(8.0, batch.features().getDouble(1, 1, 0));
        assertEquals(0.0, batch.features().getDouble(1, 1, 1));
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 1, 1}, {1, 0, 0}}), batch.mask());
        assertEquals(3, batch.length(0));
        assertEquals(1, batch.length(1));
    }

    @Test
    void sequenceBatchPacksArrays() {
        INDArray first = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray second = Nd4j.createFromArray(new float[][] {{5, 6}});

        SequenceBatch batch = SequenceBatch.ofArrays(List.of(first, second), 4);

        assertEquals(4, batch.features().size(2));
        assertEquals(4.0, batch.features().getDouble(0, 1, 1));
        assertEquals(6.0, batch.features().getDouble(1, 1, 0));
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 1, 0, 0}, {1, 0, 0, 0}}),
                batch.mask());
    }

    @Test
    void sequenceBatchRejectsMixedSizes() {
        List<float[][]> sequences = List.of(new float[2][3], new float[2][4]);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SequenceBatch.of(sequences));

        assertTrue(error.getMessage().contains("sequence 1 has 4 features"), error.getMessage());
    }
}
