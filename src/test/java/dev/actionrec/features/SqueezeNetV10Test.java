package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.convert.SqueezeNetV10Architecture;
import dev.actionrec.testing.SharedData;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Golden tests of the decoded Deep Compression SqueezeNet v1.0 weights on real photos. */
class SqueezeNetV10Test {

    @TempDir
    static Path home;

    private static GraphBackbone backbone;
    private static ImagenetLabels labels;

    @BeforeAll
    static void openBackbone() throws IOException {
        WeightsOptions options = WeightsOptions.defaults()
                .withHome(home)
                .withWeightsFile(null)
                .withDownload(false)
                .withWeightsDir(SharedData.resolve("weights"));
        backbone = SqueezeNetV10.open(options);
        labels = ImagenetLabels.read(SharedData.resolve("weights/imagenet_labels.txt"));
    }

    @AfterAll
    static void closeBackbone() {
        if (backbone != null) {
            backbone.close();
        }
    }

    private static VideoFrame photo(String name) throws IOException {
        var image = ImageIO.read(SharedData.resolve("photos/" + name).toFile());
        return FrameGeometry.resizeAndCrop(image, SqueezeNetV10Architecture.INPUT_SIZE);
    }

    private static INDArray probabilities(String name) throws IOException {
        INDArray logits =
                backbone.vertexOutput(List.of(photo(name)), SqueezeNetV10Architecture.LOGITS);
        return Transforms.softmax(logits, true);
    }

    /** Returns the label of output {@code index}: the label file has background at line 0. */
    private static String label(int index) {
        return labels.shortName(index + 1);
    }

    @ParameterizedTest
    @CsvSource({
        "bird.bmp, chickadee, 0.95",
        "parrot.jpg, macaw, 0.9",
        "hot_dog.jpg, hotdog, 0.95",
        "dragonfly.bmp, dragonfly, 0.9",
        "grace_hopper.bmp, bow tie, 0.6",
    })
    void topOneMatchesPhoto(String file, String expected, double minProbability)
            throws IOException {
        INDArray probabilities = probabilities(file);
        int top = probabilities.getRow(0).argMax().getInt(0);

        assertEquals(expected, label(top));
        assertTrue(probabilities.getDouble(0, top) >= minProbability,
                "probability " + probabilities.getDouble(0, top));
    }

    @Test
    void catPhotoIsACatClass() throws IOException {
        INDArray probabilities = probabilities("cat.bmp");
        int top = probabilities.getRow(0).argMax().getInt(0);
        double cats = 0;
        for (String cat : List.of("tabby", "tiger cat", "Egyptian cat")) {
            for (int i = 0; i < SqueezeNetV10Architecture.CLASSES; i++) {
                if (label(i).equals(cat)) {
                    cats += probabilities.getDouble(0, i);
                }
            }
        }

        assertTrue(List.of("tabby", "tiger cat", "Egyptian cat").contains(label(top)),
                label(top));
        assertTrue(cats >= 0.9, "cat classes have probability " + cats);
    }

    @Test
    void labelsHaveBackgroundFirst() {
        assertEquals(SqueezeNetV10Architecture.CLASSES + 1, labels.size());
        assertEquals("tench", label(0));
    }

    @Test
    void featuresAre512FiniteAndNonNegative() throws IOException {
        INDArray features = backbone.features(List.of(photo("dog.jpg"), photo("eagle.jpg")));

        assertArrayEquals(new long[] {2, 512}, features.shape());
        for (float value : features.data().asFloat()) {
            assertTrue(Float.isFinite(value), "feature " + value);
        }
        assertTrue(features.minNumber().doubleValue() >= 0, "features follow a ReLU");
        assertTrue(features.maxNumber().doubleValue() > 0, "all features are zero");
    }

    @Test
    void spatialSizesMatchCaffe() throws IOException {
        INDArray input = FrameTensors.toInput(List.of(photo("cat.bmp")), CNN2DFormat.NCHW,
                SqueezeNetV10Architecture.INPUT_SIZE, PixelNormalisation.CAFFE_SQUEEZENET);
        Map<String, INDArray> outputs = backbone.graph().feedForward(input, false);

        assertArrayEquals(new long[] {1, 96, 111, 111}, outputs.get("conv1").shape());
        assertArrayEquals(new long[] {1, 96, 55, 55}, outputs.get("pool1").shape());
        assertArrayEquals(new long[] {1, 256, 27, 27}, outputs.get("pool4").shape());
        assertArrayEquals(new long[] {1, 512, 13, 13}, outputs.get("fire9_concat").shape());
        assertArrayEquals(new long[] {1, 1000, 15, 15}, outputs.get("conv_final").shape());
    }

    @Test
    void cachedGraphGivesSameFeatures() throws IOException {
        Path cached = new ConvertedModelCache(home.resolve("cache"))
                .fileFor(SqueezeNetV10.cacheKey(WeightFile.SQUEEZENET_V1_0_COMPRESSED.sha256()));
        assertTrue(Files.isRegularFile(cached), cached + " was not written");

        WeightsOptions options = WeightsOptions.defaults().withHome(home).withWeightsFile(null)
                .withWeightsDir(SharedData.resolve("weights")).withDownload(false);
        try (GraphBackbone restored = SqueezeNetV10.open(options)) {
            List<VideoFrame> frames = List.of(photo("parrot.jpg"));
            assertTrue(restored.features(frames).equalsWithEps(backbone.features(frames), 1e-5));
        }
    }

    @Test
    void weightsShaIsTheFileSha() {
        assertEquals(WeightFile.SQUEEZENET_V1_0_COMPRESSED.sha256(), backbone.weightsSha256());
    }
}
