package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Golden tests of the converted ImageNet weights on real photos. */
class MobileNetV2BackboneTest {

    @TempDir
    static Path home;

    private static MobileNetV2Backbone backbone;
    private static ImagenetLabels labels;

    @BeforeAll
    static void openBackbone() throws IOException {
        WeightsOptions options = WeightsOptions.defaults()
                .withHome(home)
                .withWeightsDir(null)
                .withDownload(false)
                .withWeightsFile(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));
        backbone = Backbones.openMobileNetV2(options, Backbones.DEFAULT_FORMAT);
        labels = ImagenetLabels.read(SharedData.resolve("weights/imagenet_labels.txt"));
    }

    @AfterAll
    static void closeBackbone() {
        if (backbone != null) {
            backbone.close();
        }
    }

    static VideoFrame photo(String name) throws IOException {
        var image = ImageIO.read(SharedData.resolve("photos/" + name).toFile());
        return FrameGeometry.resizeAndCrop(image, 224);
    }

    @ParameterizedTest
    @CsvSource({
        "cat.bmp, Egyptian cat, 0.7",
        "parrot.jpg, macaw, 0.95",
        "hot_dog.jpg, hotdog, 0.9",
        "bird.bmp, chickadee, 0.95",
    })
    void topOneMatchesPhoto(String file, String expected, double minProbability)
            throws IOException {
        INDArray probabilities = backbone.probabilities(List.of(photo(file)));
        int top = probabilities.getRow(0).argMax().getInt(0);

        assertEquals(expected, labels.shortName(top));
        assertTrue(probabilities.getDouble(0, top) >= minProbability,
                "probability " + probabilities.getDouble(0, top));
        assertEquals(1.0, probabilities.sumNumber().doubleValue(), 1e-4);
    }

    @Test
    void featuresAre1280Finite() throws IOException {
        INDArray features = backbone.features(List.of(photo("dog.jpg")));

        assertArrayEquals(new long[] {1, 1280}, features.shape());
        for (int i = 0; i < 1280; i++) {
            assertTrue(Double.isFinite(features.getDouble(0, i)), "feature " + i);
        }
        // ReLU6 before the average pool bounds every feature to [0, 6].
        assertTrue(features.minNumber().doubleValue() >= 0);
        assertTrue(features.maxNumber().doubleValue() <= 6);
        assertTrue(features.maxNumber().doubleValue() > 0);
    }

    @Test
    void batchOf30EqualsSingleFrames() throws IOException {
        List<VideoFrame> photos = List.of(photo("cat.bmp"), photo("eagle.jpg"),
                photo("dragonfly.bmp"), photo("grace_hopper.bmp"));
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            frames.add(photos.get(i % photos.size()));
        }

        INDArray batch = backbone.features(frames);

        assertArrayEquals(new long[] {30, 1280}, batch.shape());
        for (int i = 0; i < photos.size(); i++) {
            INDArray single = backbone.features(List.of(photos.get(i)));
            assertTrue(single.equalsWithEps(batch.getRow(i, true), 1e-4), "frame " + i);
            assertTrue(single.equalsWithEps(batch.getRow(i + 24, true), 1e-4),
                    "frame " + (i + 24));
        }
    }

    @Test
    void partialLastBatchKeepsOrder() throws IOException {
        List<VideoFrame> frames = List.of(photo("cat.bmp"), photo("eagle.jpg"),
                photo("dragonfly.bmp"));
        var pairs = new MobileNetV2Backbone(backbone.graph(), backbone.format(),
                backbone.weightsSha256(), 2);

        INDArray batched = pairs.features(frames);

        assertArrayEquals(new long[] {3, 1280}, batched.shape());
        assertTrue(batched.equalsWithEps(backbone.features(frames), 1e-4));
    }

    @Test
    void otherLayoutGivesSameFeatures() throws IOException {
        WeightsOptions options = WeightsOptions.defaults()
                .withHome(home)
                .withWeightsDir(null)
                .withDownload(false)
                .withWeightsFile(SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite"));
        List<VideoFrame> frames = List.of(photo("cat.bmp"), photo("hot_dog.jpg"));
        CNN2DFormat other = backbone.format() == CNN2DFormat.NHWC
                ? CNN2DFormat.NCHW : CNN2DFormat.NHWC;
        try (MobileNetV2Backbone converted = Backbones.openMobileNetV2(options, other)) {
            INDArray expected = backbone.features(frames);
            assertTrue(converted.features(frames).equalsWithEps(expected, 1e-4));
        }
    }

    @Test
    void convertedModelIsCached() throws IOException {
        MobileNetV2Zoo zoo = new MobileNetV2Zoo(backbone.format(), WeightsOptions.defaults(), 0);
        Path cached = new ConvertedModelCache(home.resolve("cache"))
                .fileFor(zoo.cacheKey(WeightFile.MOBILENET_V2_QUANT.sha256()));
        assertTrue(Files.size(cached) > 3_000_000, cached + " missing or small");
    }

    @Test
    void featuresRejectWrongSize() {
        VideoFrame small = new VideoFrame(0, 2, 2, new byte[12]);
        assertThrows(IllegalArgumentException.class, () -> backbone.features(List.of(small)));
        assertThrows(IllegalArgumentException.class, () -> backbone.features(List.of()));
    }

    @Test
    void describesItself() {
        assertEquals("mobilenetv2", backbone.id());
        assertEquals(224, backbone.inputSize());
        assertEquals(1280, backbone.featureSize());
        assertEquals(WeightFile.MOBILENET_V2_QUANT.sha256(), backbone.weightsSha256());
    }
}
