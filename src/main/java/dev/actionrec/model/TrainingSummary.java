package dev.actionrec.model;

import java.util.List;
import java.util.Map;

/**
 * What a training run did, stored in the model file and shown in reports.
 *
 * @param epochs per-epoch history, in order
 * @param bestEpoch the 1-based epoch whose weights were kept (lowest validation loss, or the
 *     last epoch when there is no validation set)
 * @param trainClips clips per label in the training set
 * @param validationClips clips per label in the validation set
 * @param split how the validation set was chosen, in words
 * @param seed the random seed of the run
 * @param seconds wall-clock training time, excluding feature extraction
 * @param createdAt ISO-8601 time the model was written
 * @param classWeights loss weight per label, or null when the loss was not class-weighted (also
 *     in model files written before class weights existed)
 */
public record TrainingSummary(
        List<EpochRecord> epochs,
        int bestEpoch,
        Map<String, Integer> trainClips,
        Map<String, Integer> validationClips,
        String split,
        long seed,
        double seconds,
        String createdAt,
        Map<String, Double> classWeights) {

    /** Creates a summary of a run without class weights. */
    public TrainingSummary(List<EpochRecord> epochs, int bestEpoch,
            Map<String, Integer> trainClips, Map<String, Integer> validationClips, String split,
            long seed, double seconds, String createdAt) {
        this(epochs, bestEpoch, trainClips, validationClips, split, seed, seconds, createdAt,
                null);
    }

    /**
     * One epoch of training.
     *
     * @param epoch 1-based epoch number
     * @param trainLoss mean cross-entropy over the training clips
     * @param validationLoss mean cross-entropy over the validation clips, NaN without them
     * @param validationAccuracy top-1 accuracy on the validation clips, NaN without them
     */
    public record EpochRecord(
            int epoch, double trainLoss, double validationLoss, double validationAccuracy) {}
}
