package dev.actionrec.features.convert;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters of one layer in DL4J layout.
 *
 * @param weights convolution {@code [out, in, kH, kW]}, depthwise {@code [kH, kW, channels,
 *     multiplier]} or dense {@code [nIn, nOut]}
 * @param bias {@code [nOut]}
 */
public record LayerWeights(INDArray weights, INDArray bias) {}
