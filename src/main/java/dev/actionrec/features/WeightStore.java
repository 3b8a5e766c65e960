package dev.actionrec.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an intact copy of a {@link WeightFile}, in the order that {@link WeightsOptions}
 * describes. Every file is checked by format, size (where published) and checksum before use,
 * so weights are never silently wrong or random.
 */
public final class WeightStore {

    private static final Logger log = LoggerFactory.getLogger(WeightStore.class);

    private final WeightsOptions options;

    /** Creates a store that searches the locations named in {@code options}. */
    public WeightStore(WeightsOptions options) {
        this.options = options;
    }

    /**
     * Returns the path of a verified copy of {@code file}.
     *
     * <p>An explicit file or a file in the weights folder that fails the check is an error and
     * is left alone. A damaged file in the home folder is deleted and downloaded again.
     *
     * @throws WeightsException if the explicit or weights-folder file is missing or not the
     *     expected file, or no copy exists and the download is forbidden or fails
     */
    public Path locate(WeightFile file) {
        if (options.weightsFile() != null) {
            return checkUserFile(file, options.weightsFile(), "given as weight file");
        }
        if (options.weightsDir() != null) {
            Path candidate = inWeightsDir(file);
            if (candidate != null) {
                return checkUserFile(file, candidate,
                        "found in " + WeightsOptions.WEIGHTS_DIR_ENV + " folder");
            }
            log.debug("{} not in {} folder {}", file.fileName(), WeightsOptions.WEIGHTS_DIR_ENV,
                    options.weightsDir());
        }
        Path cached = options.home().resolve(file.fileName());
        if (Files.exists(cached)) {
            String problem = problem(file, cached);
            if (problem == null) {
                log.debug("using cached weights {}", cached);
                return cached;
            }
            log.warn("Deleting damaged cached weight file {}: it {}", cached, problem);
            deleteQuietly(cached);
        }
        return download(file);
    }

    /** Returns {@code dir/<name>}, else {@code dir/<folder>/<name>} if either exists. */
    private Path inWeightsDir(WeightFile file) {
        Path direct = options.weightsDir().resolve(file.fileName());
        if (Files.exists(direct) || file.folder().isEmpty()) {
            return Files.exists(direct) ? direct : null;
        }
        Path nested = options.weightsDir().resolve(file.folder()).resolve(file.fileName());
        return Files.exists(nested) ? nested : null;
    }

    private Path checkUserFile(WeightFile file, Path path, String origin) {
        if (!Files.isRegularFile(path)) {
            throw new WeightsException("weight file " + path + " (" + origin
                    + ") does not exist or is not a file");
        }
        String problem = problem(file, path);
        if (problem != null) {
            throw new WeightsException("weight file " + path + " (" + origin + ") " + problem
                    + "; it must be " + file.describe());
        }
        log.debug("using weights {} ({})", path, origin);
        return path;
    }

    private static String problem(WeightFile file, Path path) {
        return WeightCheck.problem(file, path);
    }

    private Path download(WeightFile file) {
        String where = "download it and put it in the folder named by "
                + WeightsOptions.WEIGHTS_DIR_ENV + " or in " + options.home()
                + ", or pass it with --weights FILE";
        if (!options.download()) {
            throw new WeightsException("weight file " + file.describe()
                    + " not found and downloads are off; " + where);
        }
        WeightDownloader downloader =
                new WeightDownloader(options.connectTimeout(), options.readTimeout());
        try {
            return downloader.download(file, options.home());
        } catch (IOException e) {
            throw new WeightsException("weight file " + file.describe()
                    + " not found locally and the download failed (" + reason(e) + "); "
                    + where, e);
        }
    }

    /** Returns the message of the downloader's own errors, else the exception type too. */
    private static String reason(IOException e) {
        boolean own = e.getClass() == IOException.class
                || e instanceof java.net.SocketTimeoutException;
        return own && e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new WeightsException("cannot delete damaged weight file " + path + ": " + e
                    + "; delete it by hand");
        }
    }
}
