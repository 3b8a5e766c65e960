package dev.actionrec.features;

import dev.actionrec.video.VideoFrame;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A backbone that reads its feature vector from one vertex of an NCHW {@link ComputationGraph}:
 * the vertex output itself if it is {@code [batch, features]}, or its average over height and
 * width if it is {@code [batch, channels, height, width]}. Only the vertices that the requested
 * output depends on are computed, so a classifier after the feature vertex costs nothing.
 *
 * <p>Frames run through the graph in batches of {@link #DEFAULT_BATCH_SIZE} unless configured.
 * Instances are not thread-safe.
 */
public final class GraphBackbone implements Backbone {

    /** Default number of frames per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 30;

    private final BackboneInfo info;
    private final ComputationGraph graph;
    private final String weightsSha256;
    private final int batchSize;

    /**
     * Wraps a graph whose input is {@code [batch, 3, size, size]}.
     *
     * @param info the backbone's feature vertex, input size and pixel mapping
     * @param weightsSha256 SHA-256 of the weight file the graph was built from
     * @param batchSize frames per forward pass, at least 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1 or the graph has no
     *     vertex named {@code info.featureVertex()}
     */
    public GraphBackbone(BackboneInfo info, ComputationGraph graph, String weightsSha256,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (graph.getVertex(info.featureVertex()) == null) {
            throw new IllegalArgumentException("graph of backbone " + info.id()
                    + " has no vertex " + info.featureVertex());
        }
        this.info = info;
        this.graph = graph;
        this.weightsSha256 = weightsSha256;
        this.batchSize = batchSize;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public int inputSize() {
        return info.inputSize();
    }

    @Override
    public int featureSize() {
        return info.featureSize();
    }

    @Override
    public String weightsSha256() {
        return weightsSha256;
    }

    /** Returns the static facts this backbone was opened with. */
    public BackboneInfo info() {
        return info;
    }

    /** Returns the underlying graph. */
    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public INDArray features(List<VideoFrame> frames) {
        INDArray features = vertexOutput(frames, info.featureVertex());
        if (features.size(1) != info.featureSize()) {
            throw new IllegalStateException("backbone " + id() + " gave " + features.size(1)
                    + " features, expected " + info.featureSize());
        }
        return features;
    }

    /**
     * Computes the output of one vertex for each frame, average-pooled over height and width if
     * the vertex output is 4-d.
     *
     * @param frames frames of exactly {@link #inputSize()} x {@link #inputSize()} pixels
     * @param vertex name of a graph vertex, for example a classifier output
     * @return a {@code [frames.size(), width]} float array, detached from any workspace
     * @throws IllegalArgumentException if a frame has the wrong size, the list is empty or the
     *     vertex does not exist
     */
    public INDArray vertexOutput(List<VideoFrame> frames, String vertex) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames given to backbone " + id());
        }
        if (graph.getVertex(vertex) == null) {
            throw new IllegalArgumentException("backbone " + id() + " has no vertex " + vertex);
        }
        INDArray result = null;
        for (int start = 0; start < frames.size(); start += batchSize) {
            int end = Math.min(frames.size(), start + batchSize);
            INDArray input = FrameTensors.toInput(frames.subList(start, end), CNN2DFormat.NCHW,
                    inputSize(), info.normalisation());
            INDArray output = pooled(graph.output(List.of(vertex), false,
                    new INDArray[] {input}, null)[0]);
            if (result == null) {
                result = Nd4j.create(DataType.FLOAT, frames.size(), output.size(1));
            }
            result.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).assign(output);
        }
        return result;
    }

    private static INDArray pooled(INDArray output) {
        return output.rank() == 4 ? output.mean(2, 3) : output.reshape(output.size(0), -1);
    }

    @Override
    public void close() {
        graph.close();
    }
}
