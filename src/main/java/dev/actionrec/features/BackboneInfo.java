package dev.actionrec.features;

/**
 * Static facts about a backbone, available without loading its weights.
 *
 * @param id identifier recorded in model files and given to {@code --backbone}
 * @param inputSize square input size in pixels
 * @param featureSize length of a feature vector
 * @param parameterCount number of parameters of the whole network including its classifier,
 *     counted on a randomly initialised copy
 * @param weights the pretrained weight file
 * @param featureVertex name of the graph vertex whose output, average-pooled over height and
 *     width if it is 4-d, is the feature vector
 * @param normalisation pixel mapping the weights were trained with
 * @param description one line: architecture, feature layer and preprocessing
 */
public record BackboneInfo(
        String id,
        int inputSize,
        int featureSize,
        long parameterCount,
        WeightFile weights,
        String featureVertex,
        PixelNormalisation normalisation,
        String description) {}
