package dev.actionrec.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Synthetic labelled sequences and a small training loop for encoder tests. */
final class SyntheticSequences {

    /** Feature channel that carries event A. */
    static final int EVENT_A = 0;

    /** Feature channel that carries event B. */
    static final int EVENT_B = 1;

    private SyntheticSequences() {}

    /** Labelled padded sequences: {@code labels} is one-hot {@code [batch, classes]}. */
    record Labelled(SequenceBatch batch, INDArray labels, int[] classes) {

        int size() {
            return classes.length;
        }

        /** Returns rows {@code [from, to)} as a training minibatch. */
        MultiDataSet slice(int from, int to) {
            INDArray features = batch.features().get(NDArrayIndex.interval(from, to),
                    NDArrayIndex.all(), NDArrayIndex.all());
            INDArray mask = batch.mask().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray rows = labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            return new MultiDataSet(new INDArray[] {features.dup()}, new INDArray[] {rows.dup()},
                    new INDArray[] {mask.dup()}, null);
        }
    }

    /**
     * Generates the order task: class 0 when event A comes before event B, class 1 otherwise.
     * Both classes have the same two events at random positions (value 1 on their own channel,
     * 0 there elsewhere) and Gaussian noise on the other channels, so the mean over time carries
     * no label information.
     */
    static Labelled orderTask(int count, int featureSize, int minLength, int maxLength,
            long seed) {
        Random random = new Random(seed);
        List<float[][]> sequences = new ArrayList<>();
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            float[][] steps = noise(random, length, featureSize);
            for (float[] step : steps) {
                step[EVENT_A] = 0f;
                step[EVENT_B] = 0f;
            }
            int first = random.nextInt(length - 1);
            int second = first + 1 + random.nextInt(length - first - 1);
            classes[i] = random.nextInt(2);
            int firstChannel = classes[i] == 0 ? EVENT_A : EVENT_B;
            int secondChannel = classes[i] == 0 ? EVENT_B : EVENT_A;
            steps[first][firstChannel] = 1.0f;
            steps[second][secondChannel] = 1.0f;
            sequences.add(steps);
        }
        return new Labelled(SequenceBatch.of(sequences), oneHot(classes, 2), classes);
    }

    /**
     * Generates the first-step task: the class is the sign of channel 0 at step 0, and every
     * other value is noise.
     */
    static Labelled firstStepTask(int count, int featureSize, int length, long seed) {
        Random random = new Random(seed);
        List<float[][]> sequences = new ArrayList<>();
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            float[][] steps = noise(random, length, featureSize);
            classes[i] = random.nextInt(2);
            steps[0][0] = classes[i] == 0 ? -1.0f : 1.0f;
            sequences.add(steps);
        }
        return new Labelled(SequenceBatch.of(sequences), oneHot(classes, 2), classes);
    }

    static float[][] noise(Random random, int length, int featureSize) {
        float[][] steps = new float[length][featureSize];
        for (float[] step : steps) {
            for (int f = 0; f < featureSize; f++) {
                step[f] = (float) (0.3 * random.nextGaussian());
            }
        }
        return steps;
    }

    static INDArray oneHot(int[] classes, int numClasses) {
        INDArray labels = Nd4j.zeros(classes.length, numClasses);
        for (int i = 0; i < classes.length; i++) {
            labels.putScalar(i, classes[i], 1.0);
        }
        return labels;
    }

    /** Trains for {@code epochs} passes in order, the last minibatch possibly smaller. */
    static void train(ComputationGraph graph, Labelled data, int batchSize, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int from = 0; from < data.size(); from += batchSize) {
                Encoders.fit(graph, data.slice(from, Math.min(data.size(), from + batchSize)));
            }
        }
    }

    /** Returns the fraction of sequences whose most probable class is the true class. */
    static double accuracy(ComputationGraph graph, Labelled data) {
        INDArray probabilities = Encoders.predict(graph, data.batch().features(),
                data.batch().mask());
        INDArray predicted = probabilities.argMax(1);
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (predicted.getInt(i) == data.classes()[i]) {
                correct++;
            }
        }
        return correct / (double) data.size();
    }
}
