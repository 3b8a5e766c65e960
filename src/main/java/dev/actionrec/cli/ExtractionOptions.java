package dev.actionrec.cli;

import dev.actionrec.features.FeatureCache;
import dev.actionrec.features.WeightsOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the commands that turn videos into features. */
final class ExtractionOptions {

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Backbone weight file to use instead of the one found in"
                    + " $ACTIONREC_WEIGHTS, ~/.actionrec or downloaded.")
    Path weights;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Feature cache folder (default: ~/.actionrec/cache/features).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the feature cache.")
    boolean noCache;

    @Option(names = "--decode-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up on a video whose decoding takes longer than this, in seconds"
                    + " (default: ${DEFAULT-VALUE}).")
    double decodeTimeoutSeconds;

    @Option(names = "--fail-fast",
            description = "Stop at the first video that cannot be read instead of skipping it.")
    boolean failFast;

    Duration decodeTimeout() {
        if (!(decodeTimeoutSeconds > 0)) {
            throw new IllegalArgumentException(
                    "--decode-timeout must be a positive number of seconds, got " + decodeTimeoutSeconds);
        }
        return Duration.ofMillis(Math.round(decodeTimeoutSeconds * 1000));
    }

    WeightsOptions weightsOptions() {
        return WeightsOptions.defaults().withWeightsFile(weights);
    }

    FeatureCache cache() {
        if (noCache) {
            return null;
        }
        Path directory = cacheDir != null ? cacheDir : WeightsOptions.defaultHome().resolve("cache/features");
        return new FeatureCache(directory);
    }
}
