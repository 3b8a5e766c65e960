package dev.actionrec.encoder;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A batch of variable-length sequences padded to one length: features {@code [batch, features,
 * maxTime]} (padding filled with 0) and the sequence mask {@code [batch, maxTime]} (1 for a real
 * step, 0 for padding, real steps first).
 *
 * @param features padded frame features {@code [batch, features, maxTime]}
 * @param mask sequence mask {@code [batch, maxTime]}
 */
public record SequenceBatch(INDArray features, INDArray mask) {

    /**
     * Packs sequences given as {@code float[time][features]}, padded to the longest.
     *
     * @throws IllegalArgumentException if the list is empty, a sequence has no step, or the
     *     feature sizes differ
     */
    public static SequenceBatch of(List<float[][]> sequences) {
        return of(sequences, 0);
    }

    /**
     * Packs sequences given as {@code float[time][features]}, padded to at least {@code
     * minTime} steps.
     *
     * @throws IllegalArgumentException if the list is empty, a sequence has no step, or the
     *     feature sizes differ
     */
    public static SequenceBatch of(List<float[][]> sequences, int minTime) {
        List<INDArray> arrays = new ArrayList<>(sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            float[][] sequence = sequences.get(i);
            if (sequence == null || sequence.length == 0) {
                throw emptySequence(i);
            }
            arrays.add(Nd4j.create(sequence));
        }
        return ofArrays(arrays, minTime);
    }

    /**
     * Packs sequences given as {@code [time, features]} arrays, padded to the longest.
     *
     * @throws IllegalArgumentException if the list is empty, a sequence has no step or is not
     *     rank 2, or the feature sizes differ
     */
    public static SequenceBatch ofArrays(List<INDArray> sequences) {
        return ofArrays(sequences, 0);
    }

    /**
     * Packs sequences given as {@code [time, features]} arrays, padded to at least {@code minTime}
     * steps.
     *
     * @throws IllegalArgumentException if the list is empty, a sequence has no step or is not
     *     rank 2, or the feature sizes differ
     */
    public static SequenceBatch ofArrays(List<INDArray> sequences, int minTime) {
        if (sequences == null || sequences.isEmpty()) {
            throw new IllegalArgumentException("cannot pack an empty list of sequences");
        }
        long featureSize = checkShapes(sequences);
        long maxTime = minTime;
        for (INDArray sequence : sequences) {
            maxTime = Math.max(maxTime, sequence.size(0));
        }

        INDArray features = Nd4j.zeros(DataType.FLOAT, sequences.size(), featureSize, maxTime);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, sequences.size(), maxTime);
        for (int i = 0; i < sequences.size(); i++) {
            INDArray sequence = sequences.get(i).castTo(DataType.FLOAT);
            long time = sequence.size(0);
            features.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.interval(0, time))
                    .assign(sequence.transpose());
            mask.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, time)).assign(1.0);
        }
        return new SequenceBatch(features, mask);
    }

    /** Returns the number of sequences. */
    public int size() {
        return (int) features.size(0);
    }

    /** Returns the number of real steps of sequence {@code row}. */
    public int length(int row) {
        return mask.getRow(row).sumNumber().intValue();
    }

    private static long checkShapes(List<INDArray> sequences) {
        long featureSize = -1;
        for (int i = 0; i < sequences.size(); i++) {
            INDArray sequence = sequences.get(i);
            if (sequence == null || sequence.rank() != 2) {
                throw new IllegalArgumentException("sequence " + i
                        + " must be a [time, features] array, got "
                        + (sequence == null ? "null" : "rank " + sequence.rank()));
            }
            if (sequence.size(0) == 0) {
                throw emptySequence(i);
            }
            if (featureSize >= 0 && sequence.size(1) != featureSize) {
                throw new IllegalArgumentException("sequence " + i + " has " + sequence.size(1)
                        + " features per step but sequence 0 has " + featureSize);
            }
            featureSize = sequence.size(1);
        }
        return featureSize;
    }

    private static IllegalArgumentException emptySequence(int index) {
        return new IllegalArgumentException("sequence " + index
                + " has no step; every sequence needs at least one frame");
    }
}
