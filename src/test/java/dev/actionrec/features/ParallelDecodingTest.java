package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoDecodeException;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch extraction with several clip decoders on real videos. */
class ParallelDecodingTest {

    private static final SamplingParams SAMPLING = new SamplingParams(6, 2.0);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ThreadSettings TWO_DECODERS = new ThreadSettings(1, 1, 2);

    @TempDir
    Path temp;

    @Test
    void resultsKeepInputOrderAroundFailure() throws IOException {
        Path notVideo = temp.resolve("notes.mp4");
        Files.writeString(notVideo, "this text file is not a video\n".repeat(50));
        List<Path> videos = List.of(
                clip("fight/fi001.mp4"),
                clip("noFight/nofi001.mp4"),
                notVideo,
                clip("fight/fi002.mp4"),
                clip("noFight/nofi002.mp4"));
        List<ExtractionResult> seen = new ArrayList<>();

        List<ExtractionResult> results;
        try (FeatureExtractor extractor = new FeatureExtractor(new ChannelMeans(), SAMPLING,
                TIMEOUT, null, TWO_DECODERS)) {
            results = extractor.extractAll(videos, seen::add, false);
        }

        assertEquals(videos.size(), results.size());
        assertEquals(results, seen);
        for (int i = 0; i < videos.size(); i++) {
            assertEquals(videos.get(i), results.get(i).video(), "result " + i);
        }
        assertFalse(results.get(2).ok());
        VideoDecodeException error = assertInstanceOf(VideoDecodeException.class,
                results.get(2).error());
        assertEquals(VideoDecodeException.Reason.NOT_A_VIDEO, error.reason());
        for (int i : new int[] {0, 1, 3, 4}) {
            assertTrue(results.get(i).ok(), results.get(i).errorMessage());
            assertFeaturesEqual(alone(videos.get(i)), results.get(i).features(), videos.get(i));
        }
    }

    @Test
    void failFastStopsAtFailure() throws IOException {
        Path notVideo = temp.resolve("notes.mp4");
        Files.writeString(notVideo, "this text file is not a video\n".repeat(50));
        List<Path> videos = List.of(
                clip("fight/fi001.mp4"),
                notVideo,
                clip("fight/fi002.mp4"),
                clip("noFight/nofi001.mp4"));

        List<ExtractionResult> results;
        try (FeatureExtractor extractor = new FeatureExtractor(new ChannelMeans(), SAMPLING,
                TIMEOUT, null, TWO_DECODERS)) {
            results = extractor.extractAll(videos, result -> {}, true);
        }

        assertEquals(2, results.size());
        assertTrue(results.get(0).ok(), results.get(0).errorMessage());
        assertEquals(notVideo, results.get(1).video());
        assertFalse(results.get(1).ok());
    }

    /** Extracts one video with a single decoder, as the reference for the parallel run. */
    private static ClipFeatures alone(Path video) {
        try (FeatureExtractor extractor = new FeatureExtractor(new ChannelMeans(), SAMPLING,
                TIMEOUT, null, new ThreadSettings(1, 1, 1))) {
            ExtractionResult result = extractor.extract(video);
            assertTrue(result.ok(), result.errorMessage());
            return result.features();
        }
    }

    private static void assertFeaturesEqual(ClipFeatures expected, ClipFeatures actual,
            Path video) {
        assertEquals(expected.steps(), actual.steps(), video.toString());
        assertArrayEquals(expected.timestampsMicros(), actual.timestampsMicros(),
                video.toString());
        for (int step = 0; step < expected.steps(); step++) {
            assertArrayEquals(expected.vectors()[step], actual.vectors()[step], 0f,
                    video + " step " + step);
        }
    }

    private static Path clip(String name) {
        return SharedData.resolve("videos/fight-surveillance/" + name);
    }

    /**
     * A backbone whose feature vector is the mean red, green and blue value of a frame: cheap,
     * and different for every clip, so a result can be traced to its input file.
     */
    private static final class ChannelMeans implements Backbone {

        @Override
        public String id() {
            return "channel-means";
        }

        @Override
        public int inputSize() {
            return 32;
        }

        @Override
        public int featureSize() {
            return 3;
        }

        @Override
        public String weightsSha256() {
            return "0".repeat(64);
        }

        @Override
        public INDArray features(List<VideoFrame> frames) {
            float[][] means = new float[frames.size()][3];
            for (int i = 0; i < frames.size(); i++) {
                byte[] rgb = frames.get(i).rgb();
                for (int p = 0; p < rgb.length; p++) {
                    means[i][p % 3] += (rgb[p] & 0xFF);
                }
                for (int c = 0; c < 3; c++) {
                    means[i][c] /= rgb.length / 3f;
                }
            }
            return Nd4j.create(means);
        }

        @Override
        public void close() {}
    }
}
