package dev.actionrec.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
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
 * sequence, so at the last real step it has seen only that one step, and at step 0 it has seen
 * the whole sequence. The encoder therefore concatenates the forward output at the last real step
 * with the backward output at step 0, the final states of both directions.
 *
 * <p>The backward direction is built from {@link ReverseTimeSeriesVertex}, which reverses only the
 * real steps of each row, so the backward LSTM reads real steps first and padding last. DL4J's
 * {@code Bidirectional} wrapper is not used because in 1.0.0-M2.1 it reverses the padded sequence
 * without masking the backward LSTM: the state it builds over the padding leaks into the real
 * steps, so the output depends on the padding values.
 */
final class RecurrentEncoders {

    private RecurrentEncoders() {}

    /** Adds the layers and returns the name of the vertex with the {@code [batch, n]} encoding. */
    static String add(GraphBuilder graph, EncoderConfig config) {
        return config.bidirectional() ? addBidirectional(graph, config)
                : addUnidirectional(graph, config);
    }

    private static String addUnidirectional(GraphBuilder graph, EncoderConfig config) {
        String previous = Encoders.INPUT;
        for (int i = 1; i < config.layers(); i++) {
            String name = "recurrent" + i;
            graph.addLayer(name, cell(config), previous);
            previous = name;
        }
        String last = "recurrent" + config.layers();
        graph.addLayer(last, new LastTimeStep(cell(config)), previous);
        return last;
    }

    private static String addBidirectional(GraphBuilder graph, EncoderConfig config) {
        String previous = Encoders.INPUT;
        for (int i = 1; ; i++) {
            String forward = "forward" + i;
            String backward = "backward" + i;
            graph.addLayer(forward, cell(config), previous);
            graph.addVertex(backward + "_input", reverseRealSteps(), previous);
            // Runs in reversed time: its step t is the original step length - 1 - t.
            graph.addLayer(backward, cell(config), backward + "_input");
            if (i == config.layers()) {
                return addFinalStates(graph, forward, backward);
            }
            graph.addVertex(backward + "_aligned", reverseRealSteps(), backward);
            previous = "bidirectional" + i;
            graph.addVertex(previous, new MergeVertex(), forward, backward + "_aligned");
        }
    }

    private static String addFinalStates(GraphBuilder graph, String forward, String backward) {
        graph.addVertex("forward_last", new LastTimeStepVertex(Encoders.INPUT), forward);
        // The last real step in reversed time is step 0 of the original sequence.
        graph.addVertex("backward_last", new LastTimeStepVertex(Encoders.INPUT), backward);
        graph.addVertex("final_states", new MergeVertex(), "forward_last", "backward_last");
        return "final_states";
    }

    private static ReverseTimeSeriesVertex reverseRealSteps() {
        return new ReverseTimeSeriesVertex(Encoders.INPUT);
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
