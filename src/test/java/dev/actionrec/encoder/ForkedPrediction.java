package dev.actionrec.encoder;

import java.io.File;
import java.io.IOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Restores saved encoders and writes their predictions, run in a fresh JVM by {@link
 * RoundTripTest}. Arguments: features file, mask file, then pairs of model file and output file
 * (arrays in ND4J binary format).
 */
public final class ForkedPrediction {

    private ForkedPrediction() {}

    /** Restores each model and saves its prediction for the features and mask. */
    public static void main(String[] args) throws IOException {
        INDArray features = Nd4j.readBinary(new File(args[0]));
        INDArray mask = Nd4j.readBinary(new File(args[1]));
        for (int i = 2; i + 1 < args.length; i += 2) {
            ComputationGraph graph = ModelSerializer.restoreComputationGraph(new File(args[i]),
                    false);
            Nd4j.saveBinary(Encoders.predict(graph, features, mask), new File(args[i + 1]));
        }
    }
}
