package dev.actionrec.encoder;

import dev.actionrec.encoder.SyntheticSequences.Labelled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Long-range memory experiment: the label is carried only by the first step (the sign of
 * feature 0 at t = 0) and every other value is noise. For each encoder and sequence length it
 * reports held-out accuracy after training, and, at initialisation, the L2 norm of the gradient
 * of each sequence's loss with respect to its input at t = 0 and at the last step, averaged over
 * one minibatch. DL4J divides by the minibatch size only in the updater, so the input gradient of
 * the graph is already per sequence.
 *
 * <p>Run with the test classpath: {@code java -cp ... dev.actionrec.encoder.LongRangeExperiment}.
 */
public final class LongRangeExperiment {

    static final int FEATURES = 8;
    static final int HIDDEN = 32;
    static final int TRAIN = 256;
    static final int TEST = 200;
    static final int BATCH = 32;
    static final int EPOCHS = Integer.getInteger("epochs", 8);

    /** One row of the results table. */
    record Result(EncoderType type, int length, double firstStepGradient,
            double lastStepGradient, double accuracy) {}

    private LongRangeExperiment() {}

    /** Runs every encoder at every length and returns the results, printing each row. */
    static List<Result> run(int[] lengths, List<EncoderType> types) {
        List<Result> results = new ArrayList<>();
        for (int length : lengths) {
            Labelled train = SyntheticSequences.firstStepTask(TRAIN, FEATURES, length, 1);
            Labelled test = SyntheticSequences.firstStepTask(TEST, FEATURES, length, 2);
            for (EncoderType type : types) {
                Result result = runOne(type, length, train, test);
                print(result);
                results.add(result);
            }
        }
        return results;
    }

    private static Result runOne(EncoderType type, int length, Labelled train, Labelled test) {
        EncoderConfig config = EncoderConfig.defaults(type, FEATURES, 2)
                .withHiddenSize(HIDDEN)
                .withAttention(4, 64)
                .withDropout(0.0)
                .withLearningRate(type == EncoderType.TRANSFORMER ? 3e-3 : 1e-2);
        InputGradientGraph graph = InputGradientGraph.build(config);

        MultiDataSet probe = train.slice(0, BATCH);
        graph.setInputs(probe.getFeatures());
        graph.setLabels(probe.getLabels());
        graph.setLayerMaskArrays(probe.getFeaturesMaskArrays(), null);
        StdoutToLog.call(() -> {
            graph.computeGradientAndScore();
            return null;
        });
        INDArray gradient = graph.inputGradient();
        double first = meanNorm(gradient, 0);
        double last = meanNorm(gradient, length - 1);
        graph.clearLayerMaskArrays();

        SyntheticSequences.train(graph, train, BATCH, EPOCHS);
        return new Result(type, length, first, last, SyntheticSequences.accuracy(graph, test));
    }

    /** Returns the mean over sequences of the L2 norm of {@code gradient[i, :, step]}. */
    private static double meanNorm(INDArray gradient, int step) {
        INDArray atStep = gradient.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.point(step));
        return atStep.norm2(1).meanNumber().doubleValue();
    }

    private static void print(Result r) {
        System.out.printf("%-12s %6d %14.3e %14.3e %9.3f%n", r.type().cliName(), r.length(),
                r.firstStepGradient(), r.lastStepGradient(), r.accuracy());
        System.out.flush();
    }

    /**
     * Prints the results table to stdout, one row per encoder and length as it finishes.
     * Arguments: sequence lengths (default 10 30 100); system property {@code epochs} sets the
     * training epochs (default 8).
     */
    public static void main(String[] args) {
        int[] lengths = args.length == 0 ? new int[] {10, 30, 100}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%-12s %6s %14s %14s %9s%n", "encoder", "length", "|dL/dx_1|",
                "|dL/dx_T|", "accuracy");
        run(lengths, List.of(EncoderType.RNN, EncoderType.LSTM, EncoderType.TRANSFORMER));
    }
}
