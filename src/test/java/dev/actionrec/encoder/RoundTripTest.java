package dev.actionrec.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks that every encoder survives ModelSerializer, in this JVM and in a fresh one. */
class RoundTripTest {

    @TempDir Path folder;

    static Stream<Named<EncoderConfig>> encoders() {
        return EncoderCases.all().stream().map(c -> Named.of(EncoderCases.name(c), c));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void restoredGraphGivesSameOutput(EncoderConfig config) throws IOException {
        SyntheticSequences.Labelled data = data();
        ComputationGraph graph = trained(config, data);
        File file = folder.resolve("encoder.zip").toFile();

        ModelSerializer.writeModel(graph, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

        INDArray expected = predict(graph, data);
        INDArray actual = predict(restored, data);
        assertTrue(expected.equalsWithEps(actual, 1e-6), actual + " vs " + expected);
        assertEquals(graph.params(), restored.params());
    }

    @Test
    void freshJvmRestoresEveryEncoder() throws Exception {
        SyntheticSequences.Labelled data = data();
        File featuresFile = folder.resolve("features.bin").toFile();
        File maskFile = folder.resolve("mask.bin").toFile();
        Nd4j.saveBinary(data.batch().features(), featuresFile);
        Nd4j.saveBinary(data.batch().mask(), maskFile);

        List<EncoderConfig> configs = EncoderCases.all();
        List<INDArray> expected = new ArrayList<>();
        List<String> command = javaCommand(featuresFile, maskFile);
        for (int i = 0; i < configs.size(); i++) {
            ComputationGraph graph = trained(configs.get(i), data);
            File model = folder.resolve("model" + i + ".zip").toFile();
            ModelSerializer.writeModel(graph, model, false);
            expected.add(predict(graph, data));
            command.add(model.getPath());
            command.add(folder.resolve("output" + i + ".bin").toString());
        }

        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("fork.log").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "forked JVM did not finish");
        String log = Files.readString(folder.resolve("fork.log"));
        assertEquals(0, process.exitValue(), log);

        for (int i = 0; i < configs.size(); i++) {
            INDArray actual = Nd4j.readBinary(folder.resolve("output" + i + ".bin").toFile());
            String name = EncoderCases.name(configs.get(i));
            assertTrue(expected.get(i).equalsWithEps(actual, 1e-6), name + ": " + actual);
        }
    }

    private static List<String> javaCommand(File featuresFile, File maskFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), ForkedPrediction.class.getName()));
        command.add(featuresFile.getPath());
        command.add(maskFile.getPath());
        return command;
    }

    private static SyntheticSequences.Labelled data() {
        return SyntheticSequences.orderTask(12, EncoderCases.FEATURES, 3, 9, 5);
    }

    /** Returns a graph trained for one pass, so that its parameters and updater state moved. */
    private static ComputationGraph trained(EncoderConfig config, SyntheticSequences.Labelled data) {
        ComputationGraph graph = EncoderFactory.build(config);
        SyntheticSequences.train(graph, data, 5, 1);
        return graph;
    }

    private static INDArray predict(ComputationGraph graph, SyntheticSequences.Labelled data) {
        return Encoders.predict(graph, data.batch().features(), data.batch().mask());
    }
}
