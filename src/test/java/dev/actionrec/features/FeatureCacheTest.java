package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.NamedBackbone;
import dev.actionrec.video.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

    @TempDir
    Path temp;

    private static final NamedBackbone MOBILENET = new NamedBackbone("mobilenetv2", "aa", 2);
    private static final SamplingParams SAMPLING = new SamplingParams(16, 8);

    private Path video(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static ClipFeatures features(Path video) {
        return new ClipFeatures(video, new long[] {0, 125_000},
                new float[][] {{1.5f, -2f}, {3f, Float.MIN_VALUE}});
    }

    @Test
    void storedEntryReadsBackExactly() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "video bytes");
        String key = cache.key(video, MOBILENET, SAMPLING);

        cache.put(key, features(video));

        ClipFeatures read = cache.get(key, video).orElseThrow();
        assertEquals(features(video), read);
    }

    @Test
    void keyChangesWithContentAndParameters() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "video bytes");
        String key = cache.key(video, MOBILENET, SAMPLING);

        assertNotEquals(key, cache.key(video, MOBILENET, new SamplingParams(16, 4)));
        assertNotEquals(key, cache.key(video, MOBILENET, new SamplingParams(8, 8)));
        NamedBackbone otherWeights = new NamedBackbone("mobilenetv2", "bb", 2);
        NamedBackbone otherBackbone = new NamedBackbone("squeezenet", "aa", 2);
        assertNotEquals(key, cache.key(video, otherWeights, SAMPLING));
        assertNotEquals(key, cache.key(video, otherBackbone, SAMPLING));

        Files.writeString(video, "edited video bytes");
        assertNotEquals(key, cache.key(video, MOBILENET, SAMPLING));
    }

    @Test
    void sameContentElsewhereSharesKey() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));

        assertEquals(cache.key(video("a.mp4", "same"), MOBILENET, SAMPLING),
                cache.key(video("b.mp4", "same"), MOBILENET, SAMPLING));
    }

    @Test
    void truncatedEntryIsAMiss() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "video bytes");
        String key = cache.key(video, MOBILENET, SAMPLING);
        cache.put(key, features(video));
        Path entry;
        try (Stream<Path> files = Files.walk(cache.directory())) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 3));

        assertTrue(cache.get(key, video).isEmpty());
    }

    @Test
    void flippedByteIsAMiss() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "video bytes");
        String key = cache.key(video, MOBILENET, SAMPLING);
        cache.put(key, features(video));
        Path entry;
        try (Stream<Path> files = Files.walk(cache.directory())) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 12] ^= 0x40;
        Files.write(entry, bytes);

        assertTrue(cache.get(key, video).isEmpty());
    }

    @Test
    void noTemporaryFilesLeftBehind() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "video bytes");
        cache.put(cache.key(video, MOBILENET, SAMPLING), features(video));

        try (Stream<Path> files = Files.walk(cache.directory())) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).endsWith(".feat"), names.toString());
        }
    }

    @Test
    void vectorsSurviveRoundTrip() throws IOException {
        FeatureCache cache = new FeatureCache(temp.resolve("cache"));
        Path video = video("a.mp4", "v");
        String key = cache.key(video, MOBILENET, SAMPLING);
        cache.put(key, features(video));

        ClipFeatures read = cache.get(key, video).orElseThrow();
        assertArrayEquals(new long[] {0, 125_000}, read.timestampsMicros());
        assertArrayEquals(new float[] {3f, Float.MIN_VALUE}, read.vectors()[1]);
    }
}
