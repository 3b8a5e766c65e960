package dev.actionrec.train;

import dev.actionrec.encoder.Encoders;
import dev.actionrec.encoder.SequenceBatch;
import dev.actionrec.features.ClipFeatures;
import dev.actionrec.model.ActionModel;
import dev.actionrec.model.FeatureNormalizer;
import dev.actionrec.model.TrainingSummary.EpochRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-batch training of an encoder network on clip features, with validation after every epoch
 * and early stopping on the validation loss.
 *
 * <p>The feature normaliser is fitted on the training clips only. The weights of the epoch with
 * the lowest validation loss are kept.
 */
public final class Trainer {

    /** Probabilities are clipped to this before the logarithm of the validation loss. */
    private static final double MIN_PROBABILITY = 1e-7;

    /** Advice on a diverged run, appended to the error message. */
    private static final String DIVERGENCE_ADVICE = "; training diverged and was stopped without"
            + " writing a checkpoint for this epoch. Lower --learning-rate (for example by a"
            + " factor of 10), clip gradients, or check the input features for NaN or very large"
            + " values (delete a feature cache that may be corrupt)";

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    private final TrainingOptions options;
    private final int numClasses;

    /** Creates a trainer for {@code numClasses} labels. */
    public Trainer(TrainingOptions options, int numClasses) {
        this.options = options;
        this.numClasses = numClasses;
    }

    /** Receives each finished epoch, for progress output. */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(EpochRecord record, ComputationGraph network);
    }

    /** Stores the state after each finished epoch, before the {@link EpochListener} runs. */
    @FunctionalInterface
    public interface CheckpointWriter {
        /**
         * Stores {@code state} and {@code network}, whose parameters are all finite.
         *
         * @throws TrainingException if the checkpoint cannot be written
         */
        void write(TrainingState state, ComputationGraph network);
    }

    /**
     * Trains {@code network} in place from its first epoch, without checkpoints.
     *
     * @see #train(ComputationGraph, List, List, TrainingState, CheckpointWriter, EpochListener)
     */
    public TrainingResult train(ComputationGraph network, List<LabelledFeatures> training,
            List<LabelledFeatures> validation, EpochListener listener) {
        return train(network, training, validation, null, (state, net) -> {}, listener);
    }

    /**
     * Trains {@code network} in place, from the first epoch or from a checkpointed state.
     *
     * <p>Epoch {@code e} visits the training clips in an order that depends only on the seed and
     * {@code e}, and reseeds ND4J's random generator (dropout) with {@code seed + e}. So a run
     * resumed from the state after epoch {@code k}, with the network and updater state of that
     * epoch, gives the same weights as a run that was never interrupted.
     *
     * @param validation clips for validation; may be empty, then the last epoch is kept
     * @param resumeFrom the state after the last finished epoch, with {@code network} restored
     *     from the same checkpoint; null to start from the first epoch
     * @param checkpoints receives the state after each epoch
     * @return the fitted normaliser, the per-epoch history and the epoch whose weights are kept
     * @throws TrainingException if the loss or a weight becomes NaN or infinite; no checkpoint
     *     is written for that epoch
     */
    public TrainingResult train(ComputationGraph network, List<LabelledFeatures> training,
            List<LabelledFeatures> validation, TrainingState resumeFrom,
            CheckpointWriter checkpoints, EpochListener listener) {
        FeatureNormalizer normalizer = resumeFrom != null
                ? resumeFrom.normalizer()
                : FeatureNormalizer.fit(training.stream().map(LabelledFeatures::features).toList());
        List<LabelledFeatures> trainSet = normalize(training, normalizer);
        List<LabelledFeatures> validationSet = normalize(validation, normalizer);
        TrainingState state = resumeFrom != null ? resumeFrom : TrainingState.initial(normalizer);

        while (state.completedEpochs() < options.epochs() && !patienceExhausted(state)) {
            int epoch = state.completedEpochs() + 1;
            Nd4j.getRandom().setSeed(options.seed() + epoch);
            double trainLoss = runEpoch(network, trainSet, shuffledOrder(trainSet.size(), epoch),
                    epoch);
            requireFiniteParameters(network, epoch);
            EpochRecord record = validationSet.isEmpty()
                    ? new EpochRecord(epoch, trainLoss, Double.NaN, Double.NaN)
                    : validate(network, validationSet, epoch, trainLoss);
            log.debug("Epoch {}: {}", epoch, record);

            double monitored = validationSet.isEmpty() ? trainLoss : record.validationLoss();
            state = state.next(record, monitored, network);
            checkpoints.write(state, network);
            listener.onEpoch(record, network);
        }
        if (patienceExhausted(state)) {
            log.info("Early stop after epoch {}: validation loss has not improved since epoch {}",
                    state.completedEpochs(), state.bestEpoch());
        }

        network.setParams(state.bestParams());
        return new TrainingResult(normalizer, state.history(), state.bestEpoch());
    }

    private boolean patienceExhausted(TrainingState state) {
        return options.patience() > 0 && state.bestParams() != null
                && state.completedEpochs() - state.bestEpoch() >= options.patience();
    }

    /** Returns the visiting order of epoch {@code epoch}, a function of the seed and the epoch. */
    List<Integer> shuffledOrder(int size, int epoch) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(options.seed() * 1_000_003L + epoch));
        return order;
    }

    private static void requireFiniteParameters(ComputationGraph network, int epoch) {
        INDArray params = network.params();
        if (BooleanIndexing.or(params, Conditions.isNan())
                || BooleanIndexing.or(params, Conditions.isInfinite())) {
            throw new TrainingException("a network weight became NaN or infinite in epoch " + epoch
                    + DIVERGENCE_ADVICE);
        }
    }

    private double runEpoch(ComputationGraph network, List<LabelledFeatures> trainSet,
            List<Integer> order, int epoch) {
        double lossSum = 0;
        for (int start = 0; start < order.size(); start += options.batchSize()) {
            List<LabelledFeatures> batch = new ArrayList<>();
            for (int i = start; i < Math.min(order.size(), start + options.batchSize()); i++) {
                batch.add(trainSet.get(order.get(i)));
            }
            Encoders.fit(network, toDataSet(batch));
            double loss = network.score();
            if (!Double.isFinite(loss)) {
                throw new TrainingException("training loss became " + loss + " in epoch " + epoch
                        + ", batch " + (start / options.batchSize() + 1) + DIVERGENCE_ADVICE);
            }
            lossSum += loss * batch.size();
        }
        return lossSum / order.size();
    }

    private EpochRecord validate(ComputationGraph network, List<LabelledFeatures> validationSet,
            int epoch, double trainLoss) {
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < validationSet.size(); start += options.batchSize()) {
            List<LabelledFeatures> batch = validationSet.subList(start,
                    Math.min(validationSet.size(), start + options.batchSize()));
            float[][] probabilities = ActionModel.forward(network,
                    batch.stream().map(LabelledFeatures::features).toList());
            for (int i = 0; i < batch.size(); i++) {
                int label = batch.get(i).label();
                lossSum -= Math.log(Math.max(MIN_PROBABILITY, probabilities[i][label]));
                if (argMax(probabilities[i]) == label) {
                    correct++;
                }
            }
        }
        return new EpochRecord(epoch, trainLoss, lossSum / validationSet.size(),
                (double) correct / validationSet.size());
    }

    private MultiDataSet toDataSet(List<LabelledFeatures> batch) {
        SequenceBatch padded = SequenceBatch.of(
                batch.stream().map(clip -> clip.features().vectors()).toList());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch.size(), numClasses);
        for (int i = 0; i < batch.size(); i++) {
            labels.putScalar(i, batch.get(i).label(), 1f);
        }
        return new MultiDataSet(new INDArray[] {padded.features()}, new INDArray[] {labels},
                new INDArray[] {padded.mask()}, null);
    }

    private static List<LabelledFeatures> normalize(List<LabelledFeatures> clips,
            FeatureNormalizer normalizer) {
        List<LabelledFeatures> out = new ArrayList<>(clips.size());
        for (LabelledFeatures clip : clips) {
            ClipFeatures normalized = normalizer.apply(clip.features());
            out.add(new LabelledFeatures(normalized, clip.label()));
        }
        return out;
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The outcome of {@link #train}.
     *
     * @param normalizer the feature normaliser fitted on the training clips
     * @param history one record per epoch run
     * @param bestEpoch 1-based epoch whose weights the network now has
     */
    public record TrainingResult(FeatureNormalizer normalizer, List<EpochRecord> history,
            int bestEpoch) {}
}
