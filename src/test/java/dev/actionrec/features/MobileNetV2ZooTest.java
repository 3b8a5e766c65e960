package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MobileNetV2ZooTest {

    private final MobileNetV2Zoo zoo =
            new MobileNetV2Zoo(CNN2DFormat.NHWC, WeightsOptions.defaults().withDownload(false), 7);

    @Test
    void initBuildsRandomMobileNetV2() {
        ComputationGraph graph = zoo.init();

        // The TFLite file's convolution kernels and biases hold 3,489,097 values in total.
        assertEquals(3_489_097, graph.numParams());
        INDArray input = Nd4j.rand(DataType.FLOAT, 1, 224, 224, 3);
        INDArray[] outputs = graph.output(input);
        assertArrayEquals(new long[] {1, 1280}, outputs[0].shape());
        assertArrayEquals(new long[] {1, 1001}, outputs[1].shape());
    }

    @Test
    void otherPretrainedTypesRejected() {
        assertThrows(UnsupportedOperationException.class,
                () -> zoo.initPretrained(PretrainedType.CIFAR10));
        assertEquals(null, zoo.pretrainedUrl(PretrainedType.VGGFACE));
    }

    @Test
    void inputShapeFixed() {
        assertThrows(IllegalArgumentException.class,
                () -> zoo.setInputShape(new int[][] {{3, 160, 160}}));
        zoo.setInputShape(new int[][] {{3, 224, 224}});
    }

    @Test
    void cacheKeyNamesVersionAndFormat() {
        assertEquals("mobilenetv2-v1-nhwc-abc", zoo.cacheKey("abc"));
    }
}
