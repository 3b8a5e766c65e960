package dev.actionrec.bench;

import dev.actionrec.features.Backbone;
import dev.actionrec.video.VideoFrame;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A backbone that adds up the wall-clock time spent in its forward passes. */
final class TimedBackbone implements Backbone {

    private final Backbone backbone;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();

    TimedBackbone(Backbone backbone) {
        this.backbone = backbone;
    }

    /** Returns the wall-clock seconds spent in {@link #features} so far. */
    double seconds() {
        return nanos.get() / 1e9;
    }

    /** Returns the frames passed to {@link #features} so far. */
    long frames() {
        return frames.get();
    }

    @Override
    public String id() {
        return backbone.id();
    }

    @Override
    public int inputSize() {
        return backbone.inputSize();
    }

    @Override
    public int featureSize() {
        return backbone.featureSize();
    }

    @Override
    public String weightsSha256() {
        return backbone.weightsSha256();
    }

    @Override
    public INDArray features(List<VideoFrame> batch) {
        long start = System.nanoTime();
        try {
            return backbone.features(batch);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
            frames.addAndGet(batch.size());
        }
    }

    @Override
    public void close() {
        backbone.close();
    }
}
