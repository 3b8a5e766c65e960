package dev.actionrec.features;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;

/** Opens backbones by the identifier recorded in model files and given on the command line. */
public final class Backbones {

    /**
     * Input layout used for MobileNetV2. Both layouts give the same features. NHWC took 15 to 25%
     * less time per frame than NCHW in three paired runs of {@code BackboneBenchmark} (batch 30,
     * ND4J 1.0.0-M2.1 oneDNN AVX2 build, a busy 2-core x86-64 machine).
     */
    public static final CNN2DFormat DEFAULT_FORMAT = CNN2DFormat.NHWC;

    /** Identifier of the default backbone. */
    public static final String DEFAULT_ID = MobileNetV2Backbone.ID;

    private Backbones() {}

    /** Returns the identifiers {@link #open(String, WeightsOptions)} accepts. */
    public static List<String> ids() {
        return List.of(MobileNetV2Backbone.ID);
    }

    /**
     * Opens a backbone with pretrained weights found through {@link WeightsOptions#defaults()}.
     *
     * @see #open(String, WeightsOptions)
     */
    public static Backbone open(String id) {
        return open(id, WeightsOptions.defaults());
    }

    /**
     * Opens a backbone with pretrained weights.
     *
     * @param id backbone identifier, one of {@link #ids()}
     * @param options where to look for, download and cache the weights
     * @throws IllegalArgumentException if the identifier is unknown
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    public static Backbone open(String id, WeightsOptions options) {
        String normalised = id.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals(MobileNetV2Backbone.ID)) {
            return openMobileNetV2(options, DEFAULT_FORMAT);
        }
        throw new IllegalArgumentException(
                "unknown backbone '" + id + "', expected one of " + ids());
    }

    /**
     * Opens MobileNetV2 with ImageNet weights and the given input layout.
     *
     * @throws WeightsException if the weights are missing, damaged or cannot be downloaded
     */
    public static MobileNetV2Backbone openMobileNetV2(WeightsOptions options, CNN2DFormat format) {
        MobileNetV2Zoo zoo = new MobileNetV2Zoo(format, options, 0);
        ComputationGraph graph = zoo.initPretrained(PretrainedType.IMAGENET);
        return new MobileNetV2Backbone(graph, format, WeightFile.MOBILENET_V2_QUANT.sha256());
    }
}
