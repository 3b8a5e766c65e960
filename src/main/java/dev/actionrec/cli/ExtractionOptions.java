package dev.actionrec.cli;

import dev.actionrec.features.Backbone;
import dev.actionrec.features.Backbones;
import dev.actionrec.features.FeatureCache;
import dev.actionrec.features.InferenceEngine;
import dev.actionrec.features.ThreadSettings;
import dev.actionrec.features.WeightsOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the commands that turn videos into features. */
final class ExtractionOptions {

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Backbone weight file to use instead of the one found in"
                    + " $ACTIONREC_WEIGHTS, ~/.actionrec or downloaded.")
    Path weights;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            converter = EngineConverter.class,
            description = "Library that runs the backbone: onnxruntime, dl4j, or auto for ONNX"
                    + " Runtime where the backbone supports it and DL4J elsewhere"
                    + " (default: ${DEFAULT-VALUE}).")
    InferenceEngine engine = InferenceEngine.AUTO;

    @Option(names = "--threads", paramLabel = "N|engine=E,ffmpeg=F,decoders=D",
            converter = ThreadsConverter.class,
            description = "CPU threads, as a total N or as engine=E,ffmpeg=F,decoders=D with any"
                    + " subset; a left-out key keeps its default and ffmpeg=0 lets FFmpeg choose."
                    + " N threads for one video give the engine and FFmpeg N each, one after the"
                    + " other; for several videos the engine gets N/2 rounded up and max(2, N/2)"
                    + " clips decode in parallel, each FFmpeg decoder on 1 thread. Default: N ="
                    + " the number of processors.")
    String threads;

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

    /**
     * Returns the thread split given with --threads, or the default for this machine, for work
     * on {@code videos} videos.
     */
    ThreadSettings threads(int videos) {
        int count = Math.max(1, videos);
        return threads != null ? ThreadSettings.parse(threads, count) : ThreadSettings.defaults(count);
    }

    /** Opens a backbone on the chosen engine for work on {@code videos} videos. */
    Backbone openBackbone(String id, int videos) {
        return openBackbone(id, weightsOptions(), videos);
    }

    /** Opens a backbone on the chosen engine with the given weight options. */
    Backbone openBackbone(String id, WeightsOptions options, int videos) {
        return Backbones.open(id, options, engine, threads(videos).engineThreads());
    }

    FeatureCache cache() {
        if (noCache) {
            return null;
        }
        Path directory = cacheDir != null ? cacheDir : WeightsOptions.defaultHome().resolve("cache/features");
        return new FeatureCache(directory);
    }

    /** Converts an engine name given on the command line. */
    static final class EngineConverter implements CommandLine.ITypeConverter<InferenceEngine> {
        @Override
        public InferenceEngine convert(String value) {
            try {
                return InferenceEngine.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts a --threads value, reporting a bad one as a one-line usage error. */
    static final class ThreadsConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                ThreadSettings.parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
