package dev.actionrec.features.convert;

import java.util.List;

/**
 * A feed-forward image network as an ordered list of vertices fed by one RGB image input.
 *
 * @param inputSize square input size in pixels
 * @param layers vertices in execution order, the first reading {@link #INPUT}
 * @param features name of the vertex whose output is the feature vector
 * @param logits name of the vertex whose output is the class logits
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, String features, String logits) {

    /** Name of the network input vertex. */
    public static final String INPUT = "input";

    public NetworkSpec {
        layers = List.copyOf(layers);
    }
}
