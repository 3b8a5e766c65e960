package dev.actionrec.features.tflite;

/**
 * One operator of a TFLite subgraph, in execution order.
 *
 * @param index position in the subgraph's operator list
 * @param builtinCode operator code, see {@link BuiltinOperator}
 * @param inputs tensor indices of the inputs, with -1 for an omitted optional input
 * @param outputs tensor indices of the outputs
 * @param options the operator's builtin options
 */
public record TfliteOperator(
        int index, int builtinCode, int[] inputs, int[] outputs, TfliteOptions options) {

    /** Returns the schema name of the operator code. */
    public String opName() {
        return BuiltinOperator.name(builtinCode);
    }
}
