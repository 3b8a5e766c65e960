package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import dev.actionrec.features.convert.SqueezeNetV10Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Holds ONNX Runtime to the DL4J reference: the same features on real photos and real video
 * frames, and the same ImageNet top-1 on the golden photos.
 */
class OnnxBackboneTest {

    /**
     * Largest absolute difference allowed between a DL4J and an ONNX Runtime feature. Both run
     * float32 with different kernels and summation orders; MobileNetV2 features reach about 4
     * and differed by at most 7e-6 on these frames.
     */
    static final double TOLERANCE = 1e-4;

    private static final String[] PHOTOS = {
        "cat.bmp", "parrot.jpg", "hot_dog.jpg", "bird.bmp", "dog.jpg"
    };

    @TempDir
    static Path home;

    static WeightsOptions options() {
        return WeightsOptions.defaults()
                .withHome(home)
                .withWeightsDir(SharedData.resolve("weights"))
                .withDownload(false);
    }

    static List<VideoFrame> photos(int size) throws IOException {
        List<VideoFrame> frames = new ArrayList<>();
        for (String photo : PHOTOS) {
            var image = ImageIO.read(SharedData.resolve("photos/" + photo).toFile());
            frames.add(FrameGeometry.resizeAndCrop(image, size));
        }
        return frames;
    }

    static List<VideoFrame> clipFrames(int size) throws IOException {
        Path clip = SharedData.resolve("videos/fight-surveillance/fight/fi102.mp4");
        FrameSampler sampler = new FrameSampler(new SamplingParams(8, 4.0), size,
                Duration.ofMinutes(1));
        return sampler.sample(clip).frames();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv2", "squeezenet-v1.0"})
    void featuresMatchDl4j(String id) throws IOException {
        int size = Backbones.info(id).inputSize();
        List<VideoFrame> frames = new ArrayList<>(photos(size));
        frames.addAll(clipFrames(size));

        INDArray reference;
        try (Backbone dl4j = Backbones.open(id, options(), InferenceEngine.DL4J, 2)) {
            reference = dl4j.features(frames);
        }
        try (Backbone onnx = Backbones.open(id, options(), InferenceEngine.ONNXRUNTIME, 2)) {
            assertInstanceOf(OnnxBackbone.class, onnx);
            INDArray features = onnx.features(frames);

            assertArrayEquals(reference.shape(), features.shape());
            double difference = features.sub(reference).amaxNumber().doubleValue();
            assertTrue(difference <= TOLERANCE, "max |onnx - dl4j| = " + difference);
            assertTrue(reference.amaxNumber().doubleValue() > 0.1, "features are not all zero");
        }
    }

    @Test
    void mobileNetTopOneMatchesDl4jOnPhotos() throws IOException {
        List<VideoFrame> frames = photos(MobileNetV2Backbone.INPUT_SIZE);
        try (MobileNetV2Backbone dl4j =
                Backbones.openMobileNetV2(options(), Backbones.DEFAULT_FORMAT)) {
            byte[] model = OnnxModels.export(dl4j.graph(), Backbones.DEFAULT_FORMAT,
                    MobileNetV2Backbone.INPUT_SIZE, "logits");
            assertSameTopOne(dl4j.logits(frames), Backbones.MOBILENET_V2_INFO, model, frames);
        }
    }

    @Test
    void squeezeNetTopOneMatchesDl4jOnPhotos() throws IOException {
        List<VideoFrame> frames = photos(SqueezeNetV10.INFO.inputSize());
        try (GraphBackbone dl4j = SqueezeNetV10.open(options())) {
            String logits = SqueezeNetV10Architecture.LOGITS;
            byte[] model = OnnxModels.export(dl4j.graph(), CNN2DFormat.NCHW,
                    SqueezeNetV10.INFO.inputSize(), logits);
            assertSameTopOne(dl4j.vertexOutput(frames, logits), SqueezeNetV10.INFO, model, frames);
        }
    }

    private static void assertSameTopOne(INDArray expected, BackboneInfo info, byte[] model,
            List<VideoFrame> frames) {
        try (OnnxBackbone onnx = new OnnxBackbone(info, model, "test", 2, 30,
                (int) expected.size(1))) {
            INDArray actual = onnx.features(frames);
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(expected.getRow(i).argMax().getInt(0),
                        actual.getRow(i).argMax().getInt(0), PHOTOS[i]);
            }
            double difference = actual.sub(expected).amaxNumber().doubleValue();
            assertTrue(difference <= 10 * TOLERANCE, "max |onnx - dl4j| logit = " + difference);
        }
    }

    @Test
    void featuresAgreeAcrossThreadCounts() throws IOException {
        List<VideoFrame> frames = clipFrames(MobileNetV2Backbone.INPUT_SIZE);
        INDArray one;
        try (Backbone onnx = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 1)) {
            one = onnx.features(frames);
        }
        try (Backbone onnx = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 2)) {
            double difference = onnx.features(frames).sub(one).amaxNumber().doubleValue();
            assertTrue(difference <= TOLERANCE, "max |2 threads - 1 thread| = " + difference);
        }
    }

    @Test
    void damagedExportIsRebuilt() throws IOException {
        try (Backbone first = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 1)) {
            assertEquals(MobileNetV2Backbone.ID, first.id());
        }
        Path export = onlyExport();
        long size = Files.size(export);
        Files.writeString(export, "not an onnx model");

        try (Backbone again = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 1)) {
            INDArray features = again.features(clipFrames(MobileNetV2Backbone.INPUT_SIZE).subList(0, 2));
            assertArrayEquals(new long[] {2, MobileNetV2Backbone.FEATURE_SIZE}, features.shape());
        }
        assertEquals(size, Files.size(export));
    }

    @Test
    void exportWithFlippedByteIsRebuilt() throws IOException {
        try (Backbone first = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 1)) {
            assertEquals(MobileNetV2Backbone.ID, first.id());
        }
        Path export = onlyExport();
        byte[] original = Files.readAllBytes(export);
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(export, damaged);

        try (Backbone again = Backbones.open("mobilenetv2", options(), InferenceEngine.ONNXRUNTIME, 1)) {
            assertEquals(MobileNetV2Backbone.ID, again.id());
        }
        assertArrayEquals(original, Files.readAllBytes(export));
    }

    @Test
    void autoPicksOnnxRuntimeWhereSupported() {
        assertEquals(InferenceEngine.ONNXRUNTIME, Backbones.resolve("mobilenetv2", InferenceEngine.AUTO));
        assertEquals(InferenceEngine.ONNXRUNTIME, Backbones.resolve("squeezenet-v1.0", InferenceEngine.AUTO));
        assertEquals(InferenceEngine.DL4J, Backbones.resolve("resnet50", InferenceEngine.AUTO));
        assertEquals(InferenceEngine.DL4J, Backbones.resolve("mobilenetv2", InferenceEngine.DL4J));
    }

    @Test
    void zooBackboneRejectsOnnxRuntime() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Backbones.resolve("resnet50", InferenceEngine.ONNXRUNTIME));
        assertTrue(e.getMessage().contains("--engine dl4j"), e.getMessage());
    }

    @Test
    void engineNamesParse() {
        assertEquals(InferenceEngine.ONNXRUNTIME, InferenceEngine.of(" ONNXRuntime "));
        assertEquals(InferenceEngine.DL4J, InferenceEngine.of("dl4j"));
        var e = assertThrows(IllegalArgumentException.class, () -> InferenceEngine.of("tensorrt"));
        assertTrue(e.getMessage().contains("auto, dl4j, onnxruntime"), e.getMessage());
    }

    private static Path onlyExport() throws IOException {
        try (Stream<Path> files = Files.list(options().cacheDir())) {
            List<Path> exports = files.filter(f -> f.toString().endsWith(".onnx"))
                    .filter(f -> f.getFileName().toString().startsWith("mobilenetv2-"))
                    .toList();
            assertEquals(1, exports.size(), exports.toString());
            assertFalse(exports.isEmpty());
            return exports.get(0);
        }
    }
}
