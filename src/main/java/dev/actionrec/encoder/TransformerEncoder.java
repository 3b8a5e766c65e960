package dev.actionrec.encoder;

import dev.actionrec.encoder.layers.LayerNormalization;
import dev.actionrec.encoder.layers.SinusoidalPositionalEncoding;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds a post-norm transformer encoder to a graph: a per-step projection of the frame
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
        graph.addLayer("projection", stepwiseDense(width, Activation.IDENTITY, 0.0),
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
                stepwiseDense(config.ffSize(), Activation.RELU, 0.0), attention + "_norm");
        graph.addLayer(feedForward + "_output",
                stepwiseDense(width, Activation.IDENTITY, dropout), feedForward + "_hidden");
        graph.addVertex(feedForward + "_sequence",
                new PreprocessorVertex(new FeedForwardToRnnPreProcessor(RNNFormat.NCW)),
                feedForward + "_output");
        graph.addVertex(feedForward + "_residual",
                new ElementWiseVertex(ElementWiseVertex.Op.Add), attention + "_norm",
                feedForward + "_sequence");
        graph.addLayer(feedForward + "_norm", new LayerNormalization(width),
                feedForward + "_residual");
        return feedForward + "_norm";
    }

    /**
     * Returns a dense layer for every step of a sequence. On a {@code [batch, n, time]} input the
     * graph inserts DL4J's {@code RnnToFeedForwardPreProcessor}, which flattens steps and mask in
     * the same order. DL4J 1.0.0-M2.1's {@code TimeDistributed} wrapper is not used because it
     * flattens the steps batch-major but the mask time-major, so with several sequences of
     * different lengths it zeroes real steps.
     */
    private static DenseLayer stepwiseDense(int size, Activation activation, double dropout) {
        return new DenseLayer.Builder()
                .nOut(size)
                .activation(activation)
                .dropOut(EncoderFactory.dropout(dropout))
                .build();
    }
}
