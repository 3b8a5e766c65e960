package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** How feature extraction treats a cache it cannot write and a network that computes NaN. */
class ExtractionFailuresTest {

    private static final int SIZE = 32;
    private static final BackboneInfo INFO = new BackboneInfo("tiny", SIZE, 4, 0,
            WeightFile.MOBILENET_V2_QUANT, "pool", PixelNormalisation.TFLITE_UINT8,
            "small random network");
    private static final SamplingParams SAMPLING = new SamplingParams(4, 4.0);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    @Test
    void unwritableCacheStillGivesFeatures() throws IOException {
        Path notAFolder = temp.resolve("cache");
        Files.writeString(notAFolder, "a file where the cache folder should be");
        List<Path> videos = List.of(clip("fight/fi001.mp4"), clip("noFight/nofi001.mp4"));

        List<ExtractionResult> results;
        try (Backbone backbone = tinyBackbone(false);
                FeatureExtractor extractor = new FeatureExtractor(backbone, SAMPLING, TIMEOUT,
                        new FeatureCache(notAFolder))) {
            results = extractor.extractAll(videos, result -> {}, false);
        }

        assertEquals(2, results.size());
        for (ExtractionResult result : results) {
            assertTrue(result.ok(), result.errorMessage());
        }
    }

    @Test
    void nonFiniteFeaturesFailAndAreNotCached() throws IOException {
        Path cacheFolder = temp.resolve("cache");
        Path video = clip("fight/fi001.mp4");

        ExtractionResult result;
        try (Backbone backbone = tinyBackbone(true);
                FeatureExtractor extractor = new FeatureExtractor(backbone, SAMPLING, TIMEOUT,
                        new FeatureCache(cacheFolder))) {
            result = extractor.extract(video);
        }

        assertFalse(result.ok());
        assertTrue(result.errorMessage().contains("non-finite"), result.errorMessage());
        assertTrue(result.errorMessage().contains(video.toString()), result.errorMessage());
        assertEquals(0, cachedEntries(cacheFolder));
    }

    /** Returns a convolution and a global average pool, with NaN weights if asked. */
    private static GraphBackbone tinyBackbone(boolean nanWeights) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(1)
                .graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(SIZE, SIZE, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4)
                        .activation(Activation.RELU).build(), "image")
                .addLayer("pool", new GlobalPoolingLayer(PoolingType.AVG), "conv")
                .setOutputs("pool")
                .build());
        graph.init();
        if (nanWeights) {
            graph.getLayer("conv").getParam("W").assign(Float.NaN);
        }
        return new GraphBackbone(INFO, graph, "0".repeat(64), 4);
    }

    private static long cachedEntries(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Path clip(String name) {
        return SharedData.resolve("videos/fight-surveillance/" + name);
    }
}
