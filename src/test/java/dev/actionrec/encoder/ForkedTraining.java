package dev.actionrec.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains every encoder case in this JVM and writes each one's parameters to {@code
 * params<i>.bin} in the folder given as the only argument. {@link ReproducibilityTest} runs it in
 * a separate JVM and compares the parameters with its own.
 */
public final class ForkedTraining {

    private ForkedTraining() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        List<EncoderConfig> configs = EncoderCases.all();
        for (int i = 0; i < configs.size(); i++) {
            ComputationGraph graph = ReproducibilityTest.trainedTwice(configs.get(i),
                    ReproducibilityTest.data(configs.get(i)));
            Nd4j.saveBinary(graph.params(), folder.resolve("params" + i + ".bin").toFile());
        }
    }
}
