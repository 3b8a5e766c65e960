package dev.actionrec.features.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.actionrec.features.tflite.TfliteModel;
import dev.actionrec.testing.SharedData;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TfliteGraphReaderTest {

    private static ImportedNetwork network;

    @BeforeAll
    static void readNetwork() throws IOException {
        TfliteModel model =
                TfliteModel.read(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));
        network = TfliteGraphReader.read(model);
    }

    @Test
    void graphMatchesPublishedArchitecture() {
        assertEquals(MobileNetV2Architecture.spec(224, 1001), network.spec());
    }

    @Test
    void graphHasResidualAdds() {
        long adds = network.spec().layers().stream().filter(LayerSpec.Add.class::isInstance)
                .count();
        long depthwise = network.spec().layers().stream()
                .filter(LayerSpec.Depthwise.class::isInstance).count();
        assertEquals(10, adds);
        assertEquals(17, depthwise);
    }

    @Test
    void featuresAndLogitsNamed() {
        NetworkSpec spec = network.spec();
        assertEquals("features", spec.features());
        assertEquals("logits", spec.logits());
        assertEquals(224, spec.inputSize());
    }

    @Test
    void weightsInDl4jLayout() {
        assertArrayEquals(new long[] {32, 3, 3, 3}, network.weights().get("conv_000").weights()
                .shape());
        assertArrayEquals(new long[] {3, 3, 32, 1}, network.weights().get("dw_001").weights()
                .shape());
        assertArrayEquals(new long[] {1280, 1001}, network.weights().get("logits").weights()
                .shape());
        assertArrayEquals(new long[] {1001}, network.weights().get("logits").bias().shape());
    }

    @Test
    void convWeightsPermutedFromOhwi() throws IOException {
        TfliteModel model =
                TfliteModel.read(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));
        float[] stored = model.dequantize(model.tensor(model.operators().get(0).inputs()[1]));
        var converted = network.weights().get("conv_000").weights();

        // Stored [out=5, h=1, w=2, in=0] must land at DL4J [out=5, in=0, h=1, w=2].
        int storedIndex = ((5 * 3 + 1) * 3 + 2) * 3;
        assertEquals(stored[storedIndex], converted.getFloat(5, 0, 1, 2), 0f);
    }
}
