package dev.actionrec.model;

import java.util.List;
import java.util.Map;

/**
 * Everything besides the network that a model file stores and checks on load.
 *
 * @param formatVersion layout version of the model file
 * @param actionrecVersion version of actionrec that wrote the file
 * @param labels class labels, in output order
 * @param backbone the frame backbone the features came from
 * @param sampling the frame sampling the features came from
 * @param encoder encoder name ({@code mean}, {@code rnn}, {@code lstm}, {@code transformer})
 * @param encoderSettings the encoder's hyper-parameters, for model cards
 * @param normalizer the feature standardisation fitted on the training set
 * @param training the training summary
 */
public record ModelMetadata(
        int formatVersion,
        String actionrecVersion,
        List<String> labels,
        BackboneInfo backbone,
        SamplingInfo sampling,
        String encoder,
        Map<String, Object> encoderSettings,
        FeatureNormalizer normalizer,
        TrainingSummary training) {

    /** Current model file layout version. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The backbone a model was trained on.
     *
     * @param id backbone id, for example {@code mobilenetv2}
     * @param weightsSha256 SHA-256 of its weight file
     * @param inputSize square input size in pixels
     * @param featureSize length of one feature vector
     */
    public record BackboneInfo(String id, String weightsSha256, int inputSize, int featureSize) {}

    /**
     * The sampling a model was trained with.
     *
     * @param frames steps per window
     * @param fps steps per second
     */
    public record SamplingInfo(int frames, double fps) {}
}
