package dev.actionrec.features.convert;

import java.util.Map;

/**
 * A network read from a weight file: its structure and the float parameters per layer name.
 *
 * @param spec the network structure
 * @param weights parameters keyed by {@link LayerSpec#name()}, for every layer that has them
 */
public record ImportedNetwork(NetworkSpec spec, Map<String, LayerWeights> weights) {

    public ImportedNetwork {
        weights = Map.copyOf(weights);
    }
}
