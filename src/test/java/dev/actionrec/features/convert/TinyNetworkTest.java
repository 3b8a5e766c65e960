package dev.actionrec.features.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.tflite.TfliteFormatException;
import dev.actionrec.features.tflite.TfliteModel;
import dev.actionrec.features.tflite.TfliteOptions;
import dev.actionrec.features.tflite.TinyTflite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversion of hand-written TFLite graphs whose outputs can be computed by hand. */
class TinyNetworkTest {

    @TempDir
    Path dir;

    /** Writes conv 1x1 (3 to 2 channels, ReLU6), a 2x2 average pool and a 2-to-3 dense layer. */
    private Path tinyModel() throws IOException {
        TinyTflite tflite = new TinyTflite();
        int input = tflite.tensor("input", 1, 2, 2, 3);
        // Stored [out, h, w, in]: channel 0 sums the inputs, channel 1 is 10 x input channel 2.
        int convWeights = tflite.constant("conv/w", new float[] {1, 1, 1, 0, 0, 10}, 2, 1, 1, 3);
        int convBias = tflite.constant("conv/b", new float[] {0.5f, 0}, 2);
        int conv = tflite.tensor("conv", 1, 2, 2, 2);
        tflite.conv(input, convWeights, convBias, conv, 1, TfliteOptions.ACTIVATION_RELU6);
        int pool = tflite.tensor("pool", 1, 1, 1, 2);
        tflite.averagePool(conv, pool, 2);
        // Stored [out, in].
        int denseWeights = tflite.constant("fc/w", new float[] {1, 0, 0, 1, 1, -1}, 3, 2);
        int denseBias = tflite.constant("fc/b", new float[] {0, 0, 100}, 3);
        int logits = tflite.tensor("logits", 1, 3);
        tflite.fullyConnected(pool, denseWeights, denseBias, logits);

        Path file = dir.resolve("tiny.tflite");
        Files.write(file, tflite.finish(input, logits));
        return file;
    }

    @Test
    void tinyGraphComputesByHand() throws IOException {
        ImportedNetwork network = TfliteGraphReader.read(TfliteModel.read(tinyModel()));
        ComputationGraph graph = GraphFactory.build(network, CNN2DFormat.NHWC);

        // Pixels (NHWC): two at (0.1, 0.2, 0.3), two at (1, 1, 1).
        INDArray input = Nd4j.create(new float[] {0.1f, 0.2f, 0.3f, 1, 1, 1, 1, 1, 1, 0.1f, 0.2f,
            0.3f}, new long[] {1, 2, 2, 3}, 'c');
        INDArray[] outputs = graph.output(input);

        // Channel 0: mean of (0.6 + 0.5, 3 + 0.5) = 2.3. Channel 1: mean of min(3, 6), min(10, 6).
        assertArrayEquals(new float[] {2.3f, 4.5f}, outputs[0].toFloatVector(), 1e-5f);
        assertArrayEquals(new float[] {2.3f, 4.5f, 97.8f}, outputs[1].toFloatVector(), 1e-4f);
    }

    @Test
    void tinyGraphSpec() throws IOException {
        NetworkSpec spec = TfliteGraphReader.read(TfliteModel.read(tinyModel())).spec();

        assertEquals(2, spec.inputSize());
        assertEquals(List.of(
                new LayerSpec.Conv("conv_000", NetworkSpec.INPUT, 1, 1, 3, 2, true),
                new LayerSpec.GlobalAvgPool("features", "conv_000", 2),
                new LayerSpec.Dense("logits", "features", 2, 3)), spec.layers());
    }

    @Test
    void unsupportedOperatorRejected() throws IOException {
        TinyTflite tflite = new TinyTflite();
        int input = tflite.tensor("input", 1, 2, 2, 3);
        int output = tflite.tensor("output", 1, 2, 2, 3);
        tflite.other(18, new int[] {input, input}, output);
        Path file = dir.resolve("mul.tflite");
        Files.write(file, tflite.finish(input, output));
        TfliteModel model = TfliteModel.read(file);

        TfliteFormatException e = assertThrows(TfliteFormatException.class,
                () -> TfliteGraphReader.read(model));

        assertTrue(e.getMessage().contains("operator 0 BUILTIN_18"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
