package dev.actionrec.features.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteModelTest {

    private static TfliteModel model;

    @BeforeAll
    static void readModel() throws IOException {
        model = TfliteModel.read(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));
    }

    @Test
    void inputIsQuantisedImage() {
        TfliteTensor input = model.tensor(model.inputs()[0]);
        assertArrayEquals(new int[] {1, 224, 224, 3}, input.shape());
        assertEquals(TfliteTensor.TYPE_UINT8, input.type());
        assertEquals(1 / 128f, input.scale());
        assertEquals(128, input.zeroPoint());
    }

    @Test
    void outputHas1001Classes() {
        int[] outputs = model.outputs();
        assertEquals(1, outputs.length);
        assertArrayEquals(new int[] {1, 1001}, model.tensor(outputs[0]).shape());
    }

    @Test
    void operatorsStartWithStridedConv() {
        assertEquals(66, model.operators().size());
        TfliteOperator first = model.operators().get(0);
        assertEquals(BuiltinOperator.CONV_2D, first.builtinCode());
        assertEquals(2, first.options().strideHeight());
        assertEquals(TfliteOptions.PADDING_SAME, first.options().padding());
        assertEquals(TfliteOptions.ACTIVATION_RELU6, first.options().activation());
        assertArrayEquals(new int[] {32, 3, 3, 3}, model.tensor(first.inputs()[1]).shape());
        assertEquals(BuiltinOperator.SOFTMAX, model.operators().get(65).builtinCode());
    }

    @Test
    void dequantizeUint8Weights() throws IOException {
        TfliteTensor weights = model.tensor(model.operators().get(0).inputs()[1]);
        float[] values = model.dequantize(weights);

        assertEquals(32 * 3 * 3 * 3, values.length);
        for (float value : values) {
            // uint8 codes span [0, 255], so values lie within 255 steps of the zero point.
            assertTrue(Math.abs(value) <= 255 * weights.scale() + 1e-6, "value " + value);
        }
        assertTrue(values[0] != values[1] || values[1] != values[2], "weights are all equal");
    }

    @Test
    void dequantizeInt32Bias() throws IOException {
        TfliteTensor bias = model.tensor(model.operators().get(0).inputs()[2]);
        assertEquals(TfliteTensor.TYPE_INT32, bias.type());
        float[] values = model.dequantize(bias);
        assertEquals(32, values.length);
        assertTrue(Math.abs(values[0]) < 100, "bias " + values[0]);
    }

    @Test
    void readRejectsOtherFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.tflite");
        Files.writeString(file, "background\ntench\n");
        TfliteFormatException e = assertThrows(TfliteFormatException.class,
                () -> TfliteModel.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
