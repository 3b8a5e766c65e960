package dev.actionrec.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Builds temporal encoders as DL4J computation graphs with one interface: input {@value
 * Encoders#INPUT} of shape {@code [batch, features, time]} with a feature mask {@code [batch,
 * time]} (1 for a real step, 0 for padding, real steps first), and output {@value
 * Encoders#OUTPUT}, softmax probabilities {@code [batch, classes]} trained with multi-class
 * cross-entropy.
 */
public final class EncoderFactory {

    private EncoderFactory() {}

    /**
     * Builds and initialises the encoder that {@code config} describes.
     *
     * @return an initialised graph with seeded weights
     */
    public static ComputationGraph build(EncoderConfig config) {
        ComputationGraph network = new ComputationGraph(configuration(config));
        network.init();
        return network;
    }

    /**
     * Returns the graph configuration that {@link #build} initialises, for callers that need to
     * adjust it (for example the workspace mode) before creating the network.
     */
    public static ComputationGraphConfiguration configuration(EncoderConfig config) {
        GraphBuilder graph = baseConfiguration(config)
                .graphBuilder()
                .addInputs(Encoders.INPUT)
                .setInputTypes(InputType.recurrent(config.featureSize()));

        String encoded = switch (config.type()) {
            case MEAN -> addMean(graph, config);
            case RNN, LSTM -> RecurrentEncoders.add(graph, config);
            case TRANSFORMER -> TransformerEncoder.add(graph, config);
        };

        graph.addLayer(Encoders.OUTPUT, outputLayer(config), encoded).setOutputs(Encoders.OUTPUT);
        return graph.build();
    }

    private static NeuralNetConfiguration.Builder baseConfiguration(EncoderConfig config) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(config.learningRate()))
                .gradientNormalization(config.gradientNormalization())
                .gradientNormalizationThreshold(config.gradientClipThreshold());
    }

    /** Adds a masked mean over real steps, then an optional hidden ReLU layer. */
    private static String addMean(GraphBuilder graph, EncoderConfig config) {
        graph.addLayer("pool", maskedMean(), Encoders.INPUT);
        if (config.layers() == 0) {
            return "pool";
        }
        DenseLayer hidden = new DenseLayer.Builder()
                .nOut(config.hiddenSize())
                .activation(Activation.RELU)
                .dropOut(dropout(config.dropout()))
                .build();
        graph.addLayer("hidden", hidden, "pool");
        return "hidden";
    }

    /** Returns a global average pool over time that skips padded steps (it reads the mask). */
    static GlobalPoolingLayer maskedMean() {
        return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
    }

    /**
     * Returns DL4J dropout on a layer's input that drops activations with {@code probability}, or
     * null for none. DL4J's {@link Dropout} takes the retain probability.
     */
    static IDropout dropout(double probability) {
        return probability == 0 ? null : new Dropout(1.0 - probability);
    }

    private static OutputLayer outputLayer(EncoderConfig config) {
        return new OutputLayer.Builder(new LossMCXENT())
                .nOut(config.numClasses())
                .activation(Activation.SOFTMAX)
                .dropOut(dropout(config.dropout()))
                .build();
    }
}
