package dev.actionrec.encoder.layers;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;

/**
 * Base of the custom SameDiff layers that map a sequence {@code [batch, size, time]} to a
 * sequence of the same shape.
 *
 * <p>The bean accessors of {@code size} let DL4J's JSON configuration (used by {@code
 * ModelSerializer}) restore subclasses, which need a public no-argument constructor too.
 */
public abstract class SequenceLayer extends SameDiffLayer {

    private int size;

    /** Creates an unconfigured layer, for JSON deserialisation; set the size before use. */
    protected SequenceLayer() {}

    /** Creates a layer for sequences of {@code size} features per step. */
    protected SequenceLayer(int size) {
        this.size = size;
    }

    /** Returns the number of features per step. */
    public int getSize() {
        return size;
    }

    /** Sets the number of features per step. */
    public void setSize(int size) {
        this.size = size;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return requireRecurrent(inputType);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireRecurrent(inputType);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreprocessorForInputTypeRnnLayers(
                inputType, RNNFormat.NCW, getLayerName());
    }

    /**
     * Checks that {@code inputType} is a sequence of {@link #getSize()} features and returns it.
     *
     * @throws IllegalStateException if it is not a recurrent input of that size
     */
    private InputType requireRecurrent(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new IllegalStateException("layer '" + getLayerName()
                    + "' expects sequence input [batch, " + size + ", time], got " + inputType);
        }
        if (recurrent.getSize() != size) {
            throw new IllegalStateException("layer '" + getLayerName() + "' expects " + size
                    + " features per step, got " + recurrent.getSize());
        }
        return inputType;
    }
}
