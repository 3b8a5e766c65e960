package dev.actionrec.encoder;

import dev.actionrec.encoder.layers.LayerNormalization;
import dev.actionrec.encoder.layers.SinusoidalPositionalEncoding;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds a post-norm transformer encoder to a graph: a time-distributed projection of the frame
 * features to {@code d_model = hiddenSize}, the sinusoidal positional encoding, then per layer
 * multi-head self-attention {@code softmax(Q K^T / sqrt(d_k)) V} (DL4J's {@link
 * SelfAttentionLayer}, which drops padded steps from the keys through the mask), a residual
 * connection and layer normalisation, the position-wise feed-forward network {@code max(0, x W1 +
 * b1) W2 + b2} with its own residual connection and layer normalisation, and finally the mean over
 * real steps.
 */
final class TransformerEncoder {

    private TransformerEncoder() {}

    /** Adds the layers and returns the name of the vertex with the {@code [batch, d_model]} mean. */
    static String add(GraphBuilder graph, EncoderConfig config) {
        int width = config.hiddenSize();
        graph.addLayer("projection", timeDistributed(width, Activation.IDENTITY, 0.0),
                Encoders.INPUT);
        graph.addLayer("position", new SinusoidalPositionalEncoding(width, config.maxSteps()), "projection");

        String previous = "position";
        for (int i = 1; i <= config.layers(); i++) {
            previous = addBlock(graph, config, i, previous);
        }

        graph.addLayer("pool", EncoderFactory.maskedMean(), previous);
        return "pool";
    }

    private static String addBlock(GraphBuilder graph, EncoderConfig config, int index,
            String input) {
        int width = config.hiddenSize();
        String attention = "attention" + index;
        SelfAttentionLayer selfAttention = new SelfAttentionLayer.Builder()
                .nOut(width)
                .nHeads(config.heads())
                .projectInput(true)
                .build();
        graph.addLayer(attention, selfAttention, input);
        graph.addVertex(attention + "_residual", new ElementWiseVertex(ElementWiseVertex.Op.Add),
                input, attention);
        graph.addLayer(attention + "_norm", new LayerNormalization(width),
                attention + "_residual");

        String feedForward = "feed_forward" + index;
        double dropout = config.dropout();
        graph.addLayer(feedForward + "_hidden",
                timeDistributed(config.ffSize(), Activation.RELU, 0.0), attention + "_norm");
        graph.addLayer(feedForward + "_output",
                timeDistributed(width, Activation.IDENTITY, dropout), feedForward + "_hidden");
        graph.addVertex(feedForward + "_residual",
                new ElementWiseVertex(ElementWiseVertex.Op.Add), attention + "_norm",
                feedForward + "_output");
        graph.addLayer(feedForward + "_norm", new LayerNormalization(width),
                feedForward + "_residual");
        return feedForward + "_norm";
    }

    /** Returns a dense layer applied to every step of a {@code [batch, n, time]} sequence. */
    private static TimeDistributed timeDistributed(int size, Activation activation,
            double dropout) {
        DenseLayer dense = new DenseLayer.Builder()
                .nOut(size)
                .activation(activation)
                .dropOut(EncoderFactory.dropout(dropout))
                .build();
        return new TimeDistributed(dense, RNNFormat.NCW);
    }
}
