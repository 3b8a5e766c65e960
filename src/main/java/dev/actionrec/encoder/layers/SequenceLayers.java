package dev.actionrec.encoder.layers;

import org.deeplearning4j.nn.conf.inputs.InputType;

/** Input type checks shared by the custom sequence layers. */
final class SequenceLayers {

    private SequenceLayers() {}

    /**
     * Checks that {@code inputType} is a sequence of {@code size} features and returns it.
     *
     * @throws IllegalStateException if it is not a recurrent input of that size
     */
    static InputType requireRecurrent(InputType inputType, int size, String layerName) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new IllegalStateException("layer '" + layerName
                    + "' expects sequence input [batch, " + size + ", time], got " + inputType);
        }
        if (recurrent.getSize() != size) {
            throw new IllegalStateException("layer '" + layerName + "' expects " + size
                    + " features per step, got " + recurrent.getSize());
        }
        return inputType;
    }
}
