package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ImageNet-pretrained CNN that turns video frames into feature vectors.
 *
 * <p>Implementations own native memory and must be closed.
 */
public interface Backbone extends AutoCloseable {

    /** Returns the stable identifier recorded in model files, for example {@code mobilenetv2}. */
    String id();

    /** Returns the square input size in pixels that frames must be cropped to. */
    int inputSize();

    /** Returns the length of one feature vector. */
    int featureSize();

    /** Returns the SHA-256 (lowercase hex) of the weight file the network was built from. */
    String weightsSha256();

    /**
     * Computes one feature vector per frame.
     *
     * @param frames frames of exactly {@link #inputSize()} x {@link #inputSize()} pixels
     * @return a {@code [frames.size(), featureSize()]} float array, detached from any workspace
     * @throws IllegalArgumentException if a frame has the wrong size or the list is empty
     */
    INDArray features(List<VideoFrame> frames);

    @Override
    void close();
}
