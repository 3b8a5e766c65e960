package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * MobileNetV2 (width 1.0, 224x224) with ImageNet weights: the 1280-d global average pool is the
 * feature vector, and the 1001 logits (index 0 = background) are available for classification.
 *
 * <p>Pixels map to {@code (p - 128) / 128}. Frames run through the graph in batches of {@link
 * #DEFAULT_BATCH_SIZE} unless configured. Instances are not thread-safe.
 */
public final class MobileNetV2Backbone implements Backbone {

    /** Identifier recorded in model files. */
    public static final String ID = "mobilenetv2";
    /** Input width and height in pixels. */
    public static final int INPUT_SIZE = 224;
    /** Length of a feature vector. */
    public static final int FEATURE_SIZE = 1280;
    /** Number of logits, including the background class at index 0. */
    public static final int CLASSES = 1001;
    /** Default number of frames per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 30;

    private final ComputationGraph graph;
    private final CNN2DFormat format;
    private final String weightsSha256;
    private final int batchSize;

    /**
     * Wraps a graph built by {@link MobileNetV2Zoo}, running {@link #DEFAULT_BATCH_SIZE} frames
     * per forward pass.
     *
     * @param graph graph with outputs {@code [features, logits]}
     * @param format the graph's input layout
     * @param weightsSha256 SHA-256 of the weight file the graph was built from
     */
    public MobileNetV2Backbone(ComputationGraph graph, CNN2DFormat format, String weightsSha256) {
        this(graph, format, weightsSha256, DEFAULT_BATCH_SIZE);
    }

    /**
     * Wraps a graph built by {@link MobileNetV2Zoo}.
     *
     * @param batchSize frames per forward pass, at least 1; larger batches use more memory
     *     (about 40 MB of activations per frame)
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public MobileNetV2Backbone(
            ComputationGraph graph, CNN2DFormat format, String weightsSha256, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.graph = graph;
        this.format = format;
        this.weightsSha256 = weightsSha256;
        this.batchSize = batchSize;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int inputSize() {
        return INPUT_SIZE;
    }

    @Override
    public int featureSize() {
        return FEATURE_SIZE;
    }

    @Override
    public String weightsSha256() {
        return weightsSha256;
    }

    /** Returns the input layout the graph was built with. */
    public CNN2DFormat format() {
        return format;
    }

    /** Returns the underlying graph, outputs {@code [features, logits]}. */
    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public INDArray features(List<VideoFrame> frames) {
        return run(frames, 0, FEATURE_SIZE);
    }

    /**
     * Computes the ImageNet logits of each frame.
     *
     * @param frames frames of exactly 224x224 pixels
     * @return a {@code [frames.size(), 1001]} float array; index 0 is the background class
     * @throws IllegalArgumentException if a frame has the wrong size or the list is empty
     */
    public INDArray logits(List<VideoFrame> frames) {
        return run(frames, 1, CLASSES);
    }

    /**
     * Computes the ImageNet class probabilities (softmax of the logits) of each frame.
     *
     * @return a {@code [frames.size(), 1001]} float array whose rows sum to 1
     * @throws IllegalArgumentException if a frame has the wrong size or the list is empty
     */
    public INDArray probabilities(List<VideoFrame> frames) {
        return Transforms.softmax(logits(frames), false);
    }

    private INDArray run(List<VideoFrame> frames, int output, int width) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames given to backbone " + ID);
        }
        INDArray result = Nd4j.create(DataType.FLOAT, frames.size(), width);
        for (int start = 0; start < frames.size(); start += batchSize) {
            int end = Math.min(frames.size(), start + batchSize);
            INDArray input = FrameTensors.toInput(frames.subList(start, end), format, INPUT_SIZE);
            INDArray[] outputs = graph.output(false, input);
            result.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                    .assign(outputs[output]);
        }
        return result;
    }

    @Override
    public void close() {
        graph.close();
    }
}
