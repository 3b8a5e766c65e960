package dev.actionrec.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encoder graph that keeps the gradient of the loss with respect to its input after each
 * backward pass. DL4J clears vertex gradients at the end of backprop, so this subclass backprops
 * without clearing and copies the input vertex's gradient. Workspaces are off so that the copy
 * outlives the pass.
 */
final class InputGradientGraph extends ComputationGraph {

    private INDArray inputGradient;

    private InputGradientGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /** Builds and initialises the encoder {@code config} describes. */
    static InputGradientGraph build(EncoderConfig config) {
        ComputationGraphConfiguration configuration = EncoderFactory.configuration(config);
        configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        InputGradientGraph graph = new InputGradientGraph(configuration);
        graph.init();
        return graph;
    }

    @Override
    protected void calcBackpropGradients(boolean clearLayers, boolean truncatedBPTT,
            INDArray... externalEpsilons) {
        super.calcBackpropGradients(false, truncatedBPTT, externalEpsilons);
        INDArray epsilon = getVertex(Encoders.INPUT).getEpsilon();
        inputGradient = epsilon == null ? null : epsilon.detach().dup();
        if (clearLayers) {
            clearLayersStates();
        }
    }

    /**
     * Returns the gradient of the loss with respect to the input {@code [batch, features, time]}
     * from the last backward pass. Row i is the gradient of sequence i's own loss, because DL4J
     * divides by the minibatch size only in the updater.
     */
    INDArray inputGradient() {
        return inputGradient;
    }
}
