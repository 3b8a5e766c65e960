package dev.actionrec.train;

import dev.actionrec.model.FeatureNormalizer;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Progress of a training run after a whole number of epochs: everything besides the network
 * itself that a run needs to continue exactly where it stopped.
 *
 * @param completedEpochs number of finished epochs; the next epoch is {@code completedEpochs + 1}
 * @param history one record per finished epoch, in order
 * @param bestEpoch 1-based epoch with the lowest monitored loss so far, 0 before the first epoch
 * @param bestLoss the monitored loss of {@code bestEpoch}: validation loss, or training loss
 *     without validation clips; positive infinity before the first epoch
 * @param bestParams flattened parameters of the network after {@code bestEpoch}, null before
 *     the first epoch
 * @param normalizer the feature normaliser fitted on the training clips
 */
public record TrainingState(
        int completedEpochs,
        List<EpochRecord> history,
        int bestEpoch,
        double bestLoss,
        INDArray bestParams,
        FeatureNormalizer normalizer) {

    public TrainingState {
        history = List.copyOf(history);
    }

    /** Returns the state before the first epoch. */
    static TrainingState initial(FeatureNormalizer normalizer) {
        return new TrainingState(0, List.of(), 0, Double.POSITIVE_INFINITY, null, normalizer);
    }

    /**
     * Returns the state after one more epoch, keeping a copy of the network's parameters when
     * {@code monitoredLoss} is the lowest so far.
     */
    TrainingState next(EpochRecord record, double monitoredLoss, ComputationGraph network) {
        List<EpochRecord> newHistory = new ArrayList<>(history);
        newHistory.add(record);
        if (bestParams == null || monitoredLoss < bestLoss) {
            return new TrainingState(record.epoch(), newHistory, record.epoch(), monitoredLoss,
                    network.params().dup(), normalizer);
        }
        return new TrainingState(record.epoch(), newHistory, bestEpoch, bestLoss, bestParams,
                normalizer);
    }
}
