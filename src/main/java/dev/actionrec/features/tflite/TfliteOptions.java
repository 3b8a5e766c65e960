package dev.actionrec.features.tflite;

/**
 * The builtin options of a convolution, pooling or add operator; fields an operator does not
 * have are left at their defaults.
 *
 * @param padding {@link #PADDING_SAME} or {@link #PADDING_VALID}
 * @param strideWidth horizontal stride in pixels
 * @param strideHeight vertical stride in pixels
 * @param filterWidth pooling window width in pixels (pooling only)
 * @param filterHeight pooling window height in pixels (pooling only)
 * @param depthMultiplier output channels per input channel (depthwise convolution only)
 * @param activation fused activation, one of the {@code ACTIVATION_} constants
 */
public record TfliteOptions(
        int padding, int strideWidth, int strideHeight, int filterWidth, int filterHeight,
        int depthMultiplier, int activation) {

    /** Padding SAME. */
    public static final int PADDING_SAME = 0;
    /** Padding VALID. */
    public static final int PADDING_VALID = 1;
    /** No fused activation. */
    public static final int ACTIVATION_NONE = 0;
    /** Fused ReLU. */
    public static final int ACTIVATION_RELU = 1;
    /** Fused ReLU6, min(max(x, 0), 6). */
    public static final int ACTIVATION_RELU6 = 3;

    /** Options of an operator that has none. */
    public static final TfliteOptions NONE = new TfliteOptions(0, 1, 1, 0, 0, 1, ACTIVATION_NONE);

    static TfliteOptions read(int builtinCode, FlatTable table) {
        if (table == null) {
            return NONE;
        }
        return switch (builtinCode) {
            case BuiltinOperator.CONV_2D -> new TfliteOptions(
                    table.readByte(0, 0), table.readInt(1, 1), table.readInt(2, 1), 0, 0, 1,
                    table.readByte(3, 0));
            case BuiltinOperator.DEPTHWISE_CONV_2D -> new TfliteOptions(
                    table.readByte(0, 0), table.readInt(1, 1), table.readInt(2, 1), 0, 0,
                    table.readInt(3, 1), table.readByte(4, 0));
            case BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D -> new TfliteOptions(
                    table.readByte(0, 0), table.readInt(1, 1), table.readInt(2, 1),
                    table.readInt(3, 0), table.readInt(4, 0), 1, table.readByte(5, 0));
            case BuiltinOperator.ADD -> new TfliteOptions(0, 1, 1, 0, 0, 1, table.readByte(0, 0));
            default -> NONE;
        };
    }
}
