package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.convert.GraphFactory;
import dev.actionrec.features.convert.LayerSpec;
import dev.actionrec.features.convert.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertedModelCacheTest {

    @TempDir
    Path folder;

    private final AtomicInteger conversions = new AtomicInteger();

    private ComputationGraph convert() {
        conversions.incrementAndGet();
        NetworkSpec spec = new NetworkSpec(8, List.of(
                new LayerSpec.Conv("conv_000", NetworkSpec.INPUT, 3, 2, 3, 4, true),
                new LayerSpec.GlobalAvgPool("features", "conv_000", 4),
                new LayerSpec.Dense("logits", "features", 4, 3)), "features", "logits");
        return GraphFactory.build(spec, CNN2DFormat.NCHW, 42);
    }

    @Test
    void secondLoadRestoresCopy() {
        ConvertedModelCache cache = new ConvertedModelCache(folder);

        ComputationGraph first = cache.load("tiny-v1", this::convert);
        ComputationGraph second = cache.load("tiny-v1", this::convert);

        assertEquals(1, conversions.get());
        assertEquals(first.params(), second.params());
        assertTrue(Files.isRegularFile(cache.fileFor("tiny-v1")));
    }

    @Test
    void damagedFileRebuilt() throws IOException {
        ConvertedModelCache cache = new ConvertedModelCache(folder);
        Files.writeString(cache.fileFor("tiny-v1"), "not a zip file");

        ComputationGraph graph = cache.load("tiny-v1", this::convert);
        ComputationGraph restored = cache.load("tiny-v1", this::convert);

        assertEquals(1, conversions.get());
        assertEquals(graph.params(), restored.params());
    }

    @Test
    void noTemporaryFilesLeft() throws IOException {
        new ConvertedModelCache(folder).load("tiny-v1", this::convert);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("tiny-v1.zip")), files.toList());
        }
    }
}
