package dev.actionrec.features;

import java.util.Arrays;
import java.util.Locale;

/** The library that runs a backbone's forward pass. */
public enum InferenceEngine {

    /**
     * ONNX Runtime where the backbone can be exported to ONNX, otherwise DL4J. This is the
     * default because ONNX Runtime is the faster engine on x86-64 CPUs (docs/benchmarks.md).
     */
    AUTO("auto"),
    /** Deeplearning4j, the reference implementation; every backbone runs on it. */
    DL4J("dl4j"),
    /** ONNX Runtime running a graph exported from the DL4J network with the same weights. */
    ONNXRUNTIME("onnxruntime");

    private final String id;

    InferenceEngine(String id) {
        this.id = id;
    }

    /** Returns the name used on the command line, for example {@code onnxruntime}. */
    public String id() {
        return id;
    }

    /**
     * Returns the engine with this name, ignoring case.
     *
     * @throws IllegalArgumentException if no engine has this name
     */
    public static InferenceEngine of(String id) {
        String normalised = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(engine -> engine.id.equals(normalised))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown inference engine '" + id
                        + "'; choose one of auto, dl4j, onnxruntime"));
    }

    @Override
    public String toString() {
        return id;
    }
}
