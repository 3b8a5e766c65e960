package dev.actionrec.encoder;

import dev.actionrec.encoder.layers.SinusoidalPositionalEncoding;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Names, inference and reporting helpers shared by all encoder graphs. */
public final class Encoders {

    /** Name of the graph input: frame features {@code [batch, features, time]}. */
    public static final String INPUT = "frames";

    /** Name of the graph output: softmax probabilities {@code [batch, classes]}. */
    public static final String OUTPUT = "probabilities";

    private Encoders() {}

    /**
     * Runs inference (dropout off) on a padded batch.
     *
     * @param graph an encoder built by {@link EncoderFactory}
     * @param features frame features {@code [batch, features, time]}
     * @param mask sequence mask {@code [batch, time]}: 1 for a real step, 0 for padding, with the
     *     real steps of each row first and at least one per row; null when every step is real
     * @return class probabilities {@code [batch, classes]}
     * @throws IllegalArgumentException if the shapes disagree, the mask is invalid, or the
     *     sequences are longer than a transformer's maximum number of steps
     */
    public static INDArray predict(ComputationGraph graph, INDArray features, INDArray mask) {
        validate(features, mask);
        checkLength(graph, features.size(2));
        clearLabels(graph);
        INDArray[] masks = mask == null ? null : new INDArray[] {mask};
        return graph.output(false, new INDArray[] {features}, masks)[0];
    }

    /**
     * Runs inference (dropout off) on a packed batch, as {@link #predict(ComputationGraph,
     * INDArray, INDArray)} does.
     *
     * @return class probabilities {@code [batch, classes]}
     */
    public static INDArray predict(ComputationGraph graph, SequenceBatch batch) {
        return predict(graph, batch.features(), batch.mask());
    }

    /**
     * Checks that {@code features} and {@code mask} form a valid padded batch.
     *
     * @param features frame features {@code [batch, features, time]}
     * @param mask sequence mask {@code [batch, time]}, or null when every step is real
     * @throws IllegalArgumentException if {@code features} is not rank 3, the mask shape differs
     *     from {@code [batch, time]}, the mask contains a value other than 0 or 1, a row has a real
     *     step after padding, or a row has no real step
     */
    public static void validate(INDArray features, INDArray mask) {
        if (features == null || features.rank() != 3) {
            throw new IllegalArgumentException("features must be [batch, features, time], got "
                    + (features == null ? "null" : Arrays.toString(features.shape())));
        }
        long batch = features.size(0);
        long time = features.size(2);
        if (time == 0) {
            throw new IllegalArgumentException("features have no time step; every sequence needs"
                    + " at least one frame");
        }
        if (mask == null) {
            return;
        }
        if (mask.rank() != 2 || mask.size(0) != batch || mask.size(1) != time) {
            throw new IllegalArgumentException("mask must be [batch, time] = [" + batch + ", "
                    + time + "], got " + Arrays.toString(mask.shape()));
        }
        float[][] values = mask.toFloatMatrix();
        for (int row = 0; row < batch; row++) {
            validateRow(values[row], row);
        }
    }

    private static void validateRow(float[] mask, int row) {
        boolean padding = false;
        for (int t = 0; t < mask.length; t++) {
            float value = mask[t];
            if (value != 0.0f && value != 1.0f) {
                throw new IllegalArgumentException("mask[" + row + ", " + t + "] is " + value
                        + "; a sequence mask contains only 0 (padding) and 1 (real step)");
            }
            if (value == 0.0f) {
                padding = true;
            } else if (padding) {
                throw new IllegalArgumentException("mask row " + row + " has a real step at " + t
                        + " after padding; put the real steps first");
            }
        }
        if (mask[0] == 0.0f) {
            throw new IllegalArgumentException("mask row " + row
                    + " has no real step; every sequence needs at least one frame");
        }
    }

    /**
     * Trains {@code graph} on one minibatch: {@code features[0]} is {@code [batch, features,
     * time]}, {@code featuresMaskArrays[0]} the {@code [batch, time]} sequence mask and {@code
     * labels[0]} the one-hot {@code [batch, classes]} targets.
     *
     * <p>Unlike {@code graph.fit}, this keeps stdout clean: lines that ND4J prints to stdout
     * while building the gradients of SameDiff layers go to the DEBUG log instead.
     *
     * @throws IllegalArgumentException if the features or the mask are invalid (see {@link
     *     #validate})
     */
    public static void fit(ComputationGraph graph, MultiDataSet batch) {
        validate(batch.getFeatures(0), batch.getFeaturesMaskArray(0));
        checkLength(graph, batch.getFeatures(0).size(2));
        StdoutToLog.call(() -> {
            graph.fit(batch);
            return null;
        });
        clearLabels(graph);
    }

    /**
     * Forgets the labels of the last training minibatch. DL4J 1.0.0-M2.1 takes the batch size
     * from those labels when it reshapes sequences around dense layers (here in the transformer),
     * so inference with another batch size would fail with a broadcast shape error.
     */
    private static void clearLabels(ComputationGraph graph) {
        graph.setLabels((INDArray[]) null);
    }

    private static void checkLength(ComputationGraph graph, long time) {
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof SinusoidalPositionalEncoding encoding
                    && time > encoding.getMaxSteps()) {
                throw new IllegalArgumentException("sequences have " + time
                        + " steps but the encoder accepts at most " + encoding.getMaxSteps()
                        + "; sample fewer frames or build the encoder with a larger maxSteps");
            }
        }
    }

    /** Returns the number of trainable parameters of {@code graph}. */
    public static long parameterCount(ComputationGraph graph) {
        return graph.numParams();
    }

    /**
     * Returns a one-line description in the form {@code lstm (hidden 128, 1 layer): 1,234
     * parameters}.
     */
    public static String describe(EncoderConfig config, ComputationGraph graph) {
        return String.format("%s (hidden %d, %d layer%s%s): %,d parameters",
                config.type().cliName(), config.hiddenSize(), config.layers(),
                config.layers() == 1 ? "" : "s", config.bidirectional() ? ", bidirectional" : "",
                parameterCount(graph));
    }
}
