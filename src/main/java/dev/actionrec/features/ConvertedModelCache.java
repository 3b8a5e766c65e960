package dev.actionrec.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of converted DL4J graphs (ModelSerializer zip files) keyed by the weight file's
 * SHA-256, the converter version and the input layout, so conversion runs once per weight file.
 *
 * <p>Files are written to a temporary name and moved atomically into place. A file that cannot
 * be restored is deleted and rebuilt. A cache that cannot be written only costs time: the
 * converted graph is still returned.
 */
public final class ConvertedModelCache {

    private static final Logger log = LoggerFactory.getLogger(ConvertedModelCache.class);

    private final Path folder;

    /** Creates a cache in {@code folder}, created on first write. */
    public ConvertedModelCache(Path folder) {
        this.folder = folder;
    }

    /** Returns the cache file for a key, for example {@code mobilenetv2-v1-nchw-7aad0c74...zip}. */
    public Path fileFor(String key) {
        return folder.resolve(key + ".zip");
    }

    /**
     * Returns the cached graph for {@code key}, or converts, stores and returns a new one.
     *
     * @param key file-name-safe key that changes whenever the converted graph would change
     * @param converter builds the graph when the cache has no usable copy
     */
    public ComputationGraph load(String key, Supplier<ComputationGraph> converter) {
        Path file = fileFor(key);
        if (Files.exists(file)) {
            try {
                ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile());
                log.debug("restored converted model {}", file);
                return graph;
            } catch (IOException | RuntimeException e) {
                log.warn("Converted model {} is damaged and is rebuilt: {}", file, e.toString());
                deleteQuietly(file);
            }
        }
        ComputationGraph graph = converter.get();
        store(graph, file);
        return graph;
    }

    private void store(ComputationGraph graph, Path file) {
        Path partial = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, file.getFileName().toString() + ".", ".part");
            ModelSerializer.writeModel(graph, partial.toFile(), false);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            log.debug("stored converted model {}", file);
        } catch (IOException e) {
            log.warn("Cannot store converted model in {} ({}); it is converted again next time",
                    file, e.toString());
        } finally {
            if (partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.toString());
        }
    }
}
