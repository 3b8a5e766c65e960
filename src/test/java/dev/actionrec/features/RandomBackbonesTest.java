package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every backbone's architecture with random weights: the documented input and feature sizes.
 * Pretrained weights of the DL4J zoo backbones are not available offline.
 */
class RandomBackbonesTest {

    private static List<VideoFrame> randomFrames(int count, int size) {
        Random random = new Random(7);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[size * size * 3];
            random.nextBytes(rgb);
            frames.add(new VideoFrame(i * 100_000L, size, size, rgb));
        }
        return frames;
    }

    private static ComputationGraph graphOf(Backbone backbone) {
        if (backbone instanceof MobileNetV2Backbone mobileNet) {
            return mobileNet.graph();
        }
        return ((GraphBackbone) backbone).graph();
    }

    /**
     * VGG16 and Xception run 4 frames instead of 30. A 30-frame Xception pass stalled at the test
     * JVM's 10 GB native memory limit, VGG16 needs still more memory per frame, and 30 frames of
     * either take over a minute on 2 cores.
     */
    @ParameterizedTest
    @CsvSource({
        "mobilenetv2, 30",
        "squeezenet-v1.0, 30",
        "squeezenet, 30",
        "resnet50, 30",
        "darknet19, 30",
        "vgg16, 4",
        "xception, 4",
    })
    void featuresHaveDocumentedSize(String id, int frames) {
        BackboneInfo info = Backbones.info(id);
        try (Backbone backbone = Backbones.openRandom(id, 1, 30)) {
            INDArray features = backbone.features(randomFrames(frames, info.inputSize()));

            assertEquals(info.id(), backbone.id());
            assertEquals(info.inputSize(), backbone.inputSize());
            assertEquals(info.featureSize(), backbone.featureSize());
            assertEquals(info.parameterCount(), graphOf(backbone).numParams());
            assertArrayEquals(new long[] {frames, info.featureSize()}, features.shape());
            for (float value : features.data().asFloat()) {
                assertTrue(Float.isFinite(value), id + " feature " + value);
            }
            assertTrue(features.getRow(0).sub(features.getRow(1)).norm2Number().doubleValue() > 0,
                    id + " gives the same features for different frames");
        }
    }

    @ParameterizedTest
    @CsvSource({"squeezenet-v1.0", "resnet50"})
    void wrongFrameSizeRejected(String id) {
        try (Backbone backbone = Backbones.openRandom(id, 1, 30)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> backbone.features(randomFrames(1, 100)));

            assertTrue(e.getMessage().contains("expected " + backbone.inputSize()), e.getMessage());
        }
    }
}
