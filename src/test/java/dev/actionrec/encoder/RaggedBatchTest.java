package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Checks training with a short last minibatch and inference one sequence at a time. */
class RaggedBatchTest {

    static Stream<Named<EncoderConfig>> encoders() {
        return EncoderCases.all().stream().map(c -> Named.of(EncoderCases.name(c), c));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void trainsWithShortLastBatch(EncoderConfig config) {
        SyntheticSequences.Labelled data = SyntheticSequences.orderTask(37,
                config.featureSize(), 4, 12, 3);
        ComputationGraph graph = EncoderFactory.build(config.withSeed(11));
        INDArray before = graph.params().dup();
        MultiDataSet last = data.slice(32, 37);
        assertEquals(5, last.getFeatures(0).size(0));

        SyntheticSequences.train(graph, data, 16, 2);

        assertEquals(6, graph.getIterationCount(), "3 minibatches per epoch, 2 epochs");
        assertFalse(graph.params().isNaN().any(), "NaN parameters");
        assertNotEquals(before, graph.params());
        assertTrue(Double.isFinite(graph.score(last)), "score on the last minibatch");
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void singleSequenceMatchesBatch(EncoderConfig config) {
        SyntheticSequences.Labelled data = SyntheticSequences.orderTask(7,
                config.featureSize(), 4, 12, 4);
        ComputationGraph graph = EncoderFactory.build(config);
        INDArray batch = Encoders.predict(graph, data.batch().features(), data.batch().mask());
        assertEquals(7, batch.size(0));
        assertEquals(EncoderCases.CLASSES, batch.size(1));

        for (int row = 0; row < data.size(); row++) {
            int length = data.batch().length(row);
            INDArray features = data.batch().features().get(NDArrayIndex.interval(row, row + 1),
                    NDArrayIndex.all(), NDArrayIndex.interval(0, length)).dup();
            INDArray mask = data.batch().mask().get(NDArrayIndex.interval(row, row + 1),
                    NDArrayIndex.interval(0, length)).dup();

            INDArray single = Encoders.predict(graph, features, mask);

            assertEquals(1, single.size(0));
            assertEquals(1.0, single.sumNumber().doubleValue(), 1e-5, "probabilities sum");
            assertTrue(batch.getRow(row).equalsWithEps(single.getRow(0), 1e-5),
                    "row " + row + ": " + single + " vs " + batch.getRow(row));
        }
    }
}
