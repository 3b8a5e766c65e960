package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks that the same seed and data give the same trained encoder, dropout included, in one JVM
 * and across two.
 */
class ReproducibilityTest {

    static Stream<Named<EncoderConfig>> encoders() {
        return EncoderCases.all().stream().map(c -> Named.of(EncoderCases.name(c), c));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void sameSeedSameModel(EncoderConfig config) {
        SyntheticSequences.Labelled data = data(config);

        ComputationGraph first = trainedTwice(config, data);
        ComputationGraph second = trainedTwice(config, data);
        ComputationGraph otherSeed = trainedTwice(config.withSeed(config.seed() + 1), data);

        assertEquals(first.params(), second.params());
        assertEquals(predict(first, data), predict(second, data));
        assertNotEquals(first.params(), otherSeed.params());
    }

    @Test
    void sameSeedSameModelAcrossJvms(@TempDir Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ForkedTraining.class.getName(), folder.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("fork.log").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "forked JVM did not finish");
        assertEquals(0, process.exitValue(), Files.readString(folder.resolve("fork.log")));

        List<EncoderConfig> configs = EncoderCases.all();
        for (int i = 0; i < configs.size(); i++) {
            INDArray inProcess = trainedTwice(configs.get(i), data(configs.get(i))).params();
            INDArray forked = Nd4j.readBinary(folder.resolve("params" + i + ".bin").toFile());
            assertEquals(inProcess, forked, EncoderCases.name(configs.get(i)));
        }
    }

    /** Returns the synthetic order-task data the reproducibility checks train on. */
    static SyntheticSequences.Labelled data(EncoderConfig config) {
        return SyntheticSequences.orderTask(20, config.featureSize(), 4, 10, 6);
    }

    static ComputationGraph trainedTwice(EncoderConfig config,
            SyntheticSequences.Labelled data) {
        ComputationGraph graph = EncoderFactory.build(config);
        SyntheticSequences.train(graph, data, 8, 2);
        return graph;
    }

    private static INDArray predict(ComputationGraph graph, SyntheticSequences.Labelled data) {
        return Encoders.predict(graph, data.batch().features(), data.batch().mask());
    }
}
