package dev.actionrec.train;

import dev.actionrec.features.ClipFeatures;

/**
 * A clip's features with the index of its true label.
 *
 * @param features the clip's feature vectors
 * @param label index into the label list
 */
public record LabelledFeatures(ClipFeatures features, int label) {}
