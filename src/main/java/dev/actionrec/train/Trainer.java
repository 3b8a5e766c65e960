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

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    private final TrainingOptions options;
    private final int numClasses;

    /** Creates a trainer for {@code numClasses} labels. */
    public Trainer(TrainingOptions options, int numClasses) {
        this.options = options;
        this.numClasses = numClasses;
    }

    /** Receives each finished epoch, for progress output and checkpoints. */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(EpochRecord record, ComputationGraph network);
    }

    /**
     * Trains {@code network} in place.
     *
     * @param validation clips for validation; may be empty, then the last epoch is kept
     * @return the fitted normaliser, the per-epoch history and the epoch whose weights are kept
     * @throws TrainingException if the loss becomes NaN or infinite
     */
    public TrainingResult train(ComputationGraph network, List<LabelledFeatures> training,
            List<LabelledFeatures> validation, EpochListener listener) {
        FeatureNormalizer normalizer = FeatureNormalizer.fit(
                training.stream().map(LabelledFeatures::features).toList());
        List<LabelledFeatures> trainSet = normalize(training, normalizer);
        List<LabelledFeatures> validationSet = normalize(validation, normalizer);

        List<EpochRecord> history = new ArrayList<>();
        Random random = new Random(options.seed());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trainSet.size(); i++) {
            order.add(i);
        }
        INDArray bestParams = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;

        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            double trainLoss = runEpoch(network, trainSet, order, epoch);
            EpochRecord record = validationSet.isEmpty()
                    ? new EpochRecord(epoch, trainLoss, Double.NaN, Double.NaN)
                    : validate(network, validationSet, epoch, trainLoss);
            history.add(record);
            log.debug("Epoch {}: {}", epoch, record);

            double monitored = validationSet.isEmpty() ? trainLoss : record.validationLoss();
            if (monitored < bestLoss || bestParams == null) {
                bestLoss = monitored;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
            listener.onEpoch(record, network);
            if (options.patience() > 0 && epoch - bestEpoch >= options.patience()) {
                log.info("Early stop after epoch {}: validation loss has not improved since epoch {}",
                        epoch, bestEpoch);
                break;
            }
        }

        network.setParams(bestParams);
        return new TrainingResult(normalizer, history, bestEpoch);
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
                        + "; lower --learning-rate, or check the input clips and features");
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
