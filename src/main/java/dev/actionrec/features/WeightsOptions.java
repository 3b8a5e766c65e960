package dev.actionrec.features;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Locations of weight files and the download policy.
 *
 * <p>Lookup order: {@code weightsFile} if set, else {@code weightsDir/<file name>} or {@code
 * weightsDir/<folder>/<file name>} (see {@link WeightFile#folder()}) if that file exists, else
 * {@code home/<file name>}, else a download into {@code home}.
 *
 * @param weightsFile explicit weight file (the {@code --weights} option), or null
 * @param weightsDir folder of weight files (environment variable {@code ACTIONREC_WEIGHTS}), or
 *     null
 * @param home user cache folder for downloaded weights and converted models
 * @param download whether a missing file may be downloaded
 * @param connectTimeout limit for opening the download connection
 * @param readTimeout limit for any single read from the download connection
 */
public record WeightsOptions(
        Path weightsFile, Path weightsDir, Path home, boolean download, Duration connectTimeout,
        Duration readTimeout) {

    /** Environment variable naming a folder of weight files. */
    public static final String WEIGHTS_DIR_ENV = "ACTIONREC_WEIGHTS";
    /** System property that replaces the user cache folder {@code ~/.actionrec}. */
    public static final String HOME_PROPERTY = "actionrec.home";
    /** Environment variable that replaces {@code ~/.actionrec} when the property is not set. */
    public static final String HOME_ENV = "ACTIONREC_HOME";

    public WeightsOptions {
        if (home == null) {
            throw new IllegalArgumentException("weights home folder must be set");
        }
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("download timeouts must not be negative");
        }
    }

    /**
     * Returns the defaults: no explicit file, {@code $ACTIONREC_WEIGHTS}, the home folder from
     * {@link #defaultHome()}, downloads allowed, 15 s connect and 60 s read timeouts.
     */
    public static WeightsOptions defaults() {
        String dir = System.getenv(WEIGHTS_DIR_ENV);
        Path weightsDir = dir == null || dir.isBlank() ? null : Path.of(dir);
        return new WeightsOptions(null, weightsDir, defaultHome(), true, Duration.ofSeconds(15),
                Duration.ofSeconds(60));
    }

    /**
     * Returns the system property {@code actionrec.home} if set, else the environment variable
     * {@code ACTIONREC_HOME} if set, else {@code ~/.actionrec}.
     */
    public static Path defaultHome() {
        return homeFrom(System.getProperty(HOME_PROPERTY), System.getenv(HOME_ENV),
                System.getProperty("user.home"));
    }

    /** Returns the first of the property and the variable that is set, else ~/.actionrec. */
    static Path homeFrom(String property, String environment, String userHome) {
        for (String configured : new String[] {property, environment}) {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured);
            }
        }
        return Path.of(userHome, ".actionrec");
    }

    /** Returns a copy that uses exactly this weight file (null clears it). */
    public WeightsOptions withWeightsFile(Path file) {
        return new WeightsOptions(file, weightsDir, home, download, connectTimeout, readTimeout);
    }

    /** Returns a copy that looks in this folder of weight files (null clears it). */
    public WeightsOptions withWeightsDir(Path dir) {
        return new WeightsOptions(weightsFile, dir, home, download, connectTimeout, readTimeout);
    }

    /** Returns a copy with another home folder. */
    public WeightsOptions withHome(Path dir) {
        return new WeightsOptions(weightsFile, weightsDir, dir, download, connectTimeout,
                readTimeout);
    }

    /** Returns a copy that allows or forbids downloads. */
    public WeightsOptions withDownload(boolean allowed) {
        return new WeightsOptions(weightsFile, weightsDir, home, allowed, connectTimeout,
                readTimeout);
    }

    /** Returns a copy with other download timeouts. */
    public WeightsOptions withTimeouts(Duration connect, Duration read) {
        return new WeightsOptions(weightsFile, weightsDir, home, download, connect, read);
    }

    /** Returns the folder for converted models, {@code home/cache}. */
    public Path cacheDir() {
        return home.resolve("cache");
    }
}
