package dev.actionrec.features.tflite;

/** Codes of the TFLite builtin operators (schema enum {@code BuiltinOperator}) that are read. */
public final class BuiltinOperator {

    public static final int ADD = 0;
    public static final int AVERAGE_POOL_2D = 1;
    public static final int CONV_2D = 3;
    public static final int DEPTHWISE_CONV_2D = 4;
    public static final int FULLY_CONNECTED = 9;
    public static final int MAX_POOL_2D = 17;
    public static final int RESHAPE = 22;
    public static final int SOFTMAX = 25;
    public static final int SQUEEZE = 43;

    private BuiltinOperator() {}

    /** Returns the schema name of a code, or {@code BUILTIN_<code>} for codes not listed here. */
    public static String name(int code) {
        return switch (code) {
            case ADD -> "ADD";
            case AVERAGE_POOL_2D -> "AVERAGE_POOL_2D";
            case CONV_2D -> "CONV_2D";
            case DEPTHWISE_CONV_2D -> "DEPTHWISE_CONV_2D";
            case FULLY_CONNECTED -> "FULLY_CONNECTED";
            case MAX_POOL_2D -> "MAX_POOL_2D";
            case RESHAPE -> "RESHAPE";
            case SOFTMAX -> "SOFTMAX";
            case SQUEEZE -> "SQUEEZE";
            default -> "BUILTIN_" + code;
        };
    }
}
