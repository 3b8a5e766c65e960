package dev.actionrec.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.activations.Activation;

/**
 * Adds the many-to-one recurrent encoders ({@code rnn}, {@code lstm}) to a graph.
 *
 * <p>A unidirectional encoder is read at the last real step of each sequence: {@link
 * LastTimeStep} finds it from the feature mask, so padding never reaches the output.
 *
 * <p>A bidirectional LSTM is read differently. Its backward direction starts at the end of the
 * sequence, so at the last real step it has seen only that one step, and at the first step it has
 * seen the whole sequence. The encoder therefore concatenates the forward output at the last real
 * step with the backward output at step 0, as in the final hidden states of both directions.
 * DL4J's {@link Bidirectional} reverses the whole padded sequence with its mask, and the LSTM
 * resets its state at masked steps, so the backward direction starts from a zero state at the last
 * real step whatever the padding holds.
 */
final class RecurrentEncoders {

    private RecurrentEncoders() {}

    /** Adds the layers and returns the name of the vertex with the {@code [batch, n]} encoding. */
    static String add(GraphBuilder graph, EncoderConfig config) {
        String previous = Encoders.INPUT;
        for (int i = 1; i < config.layers(); i++) {
            String name = "recurrent" + i;
            graph.addLayer(name, sequenceLayer(config), previous);
            previous = name;
        }

        String last = "recurrent" + config.layers();
        if (!config.bidirectional()) {
            graph.addLayer(last, new LastTimeStep(cell(config)), previous);
            return last;
        }
        graph.addLayer(last, sequenceLayer(config), previous);
        return addBidirectionalReadout(graph, config, last);
    }

    private static String addBidirectionalReadout(
            GraphBuilder graph, EncoderConfig config, String sequence) {
        int hidden = config.hiddenSize();
        graph.addVertex("forward", new SubsetVertex(0, hidden - 1), sequence);
        graph.addVertex("forward_last", new LastTimeStepVertex(Encoders.INPUT), "forward");

        // Reversing the real steps of each row moves step 0 to the last real position.
        graph.addVertex("backward", new SubsetVertex(hidden, 2 * hidden - 1), sequence);
        graph.addVertex("backward_reversed", new ReverseTimeSeriesVertex(Encoders.INPUT),
                "backward");
        graph.addVertex("backward_first", new LastTimeStepVertex(Encoders.INPUT),
                "backward_reversed");

        graph.addVertex("final_states", new MergeVertex(), "forward_last", "backward_first");
        return "final_states";
    }

    /** Returns a layer that maps a sequence to a sequence: one or both directions. */
    private static Layer sequenceLayer(EncoderConfig config) {
        Layer cell = cell(config);
        return config.bidirectional() ? new Bidirectional(Bidirectional.Mode.CONCAT, cell) : cell;
    }

    private static Layer cell(EncoderConfig config) {
        IDropout dropout = EncoderFactory.dropout(config.dropout());
        if (config.type() == EncoderType.LSTM) {
            return new LSTM.Builder()
                    .nOut(config.hiddenSize())
                    .activation(Activation.TANH)
                    .dropOut(dropout)
                    .build();
        }
        return new SimpleRnn.Builder()
                .nOut(config.hiddenSize())
                .activation(Activation.TANH)
                .dropOut(dropout)
                .build();
    }
}
