package dev.actionrec.testing;

import dev.actionrec.features.Backbone;
import dev.actionrec.video.VideoFrame;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A backbone identity for tests of code that only reads a backbone's id, sizes and weights
 * checksum; computing features throws.
 */
public record NamedBackbone(String id, String weightsSha256, int featureSize) implements Backbone {

    @Override
    public int inputSize() {
        return 224;
    }

    @Override
    public INDArray features(List<VideoFrame> frames) {
        throw new UnsupportedOperationException("NamedBackbone computes no features");
    }

    @Override
    public void close() {}
}
