package dev.actionrec.features.convert;

/**
 * A Caffe convolution layer with bias, followed by ReLU, in the order of a deploy prototxt.
 *
 * @param name layer name, used as the DL4J vertex name
 * @param input name of the vertex it reads
 * @param nIn input channels
 * @param nOut output channels
 * @param kernel square kernel size in pixels
 * @param stride stride in pixels
 * @param padding zero padding on each side in pixels
 */
public record CaffeConv(
        String name, String input, int nIn, int nOut, int kernel, int stride, int padding) {

    /** Returns the number of weights, {@code nOut * nIn * kernel * kernel}. */
    public int weightCount() {
        return nOut * nIn * kernel * kernel;
    }
}
