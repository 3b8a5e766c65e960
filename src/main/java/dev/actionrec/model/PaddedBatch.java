package dev.actionrec.model;

import dev.actionrec.features.ClipFeatures;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Clips of different lengths packed into one zero-padded array with a sequence mask.
 *
 * @param features {@code [batch, featureSize, time]}
 * @param mask {@code [batch, time]}, 1 for real steps and 0 for padding
 */
public record PaddedBatch(INDArray features, INDArray mask) {

    /**
     * Packs clips, padding each to the longest one.
     *
     * @throws IllegalArgumentException if the list is empty or feature sizes differ
     */
    public static PaddedBatch of(List<ClipFeatures> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("cannot pack an empty list of clips");
        }
        int featureSize = clips.get(0).featureSize();
        int time = clips.stream().mapToInt(ClipFeatures::steps).max().orElseThrow();
        float[] features = new float[clips.size() * featureSize * time];
        float[] mask = new float[clips.size() * time];

        for (int b = 0; b < clips.size(); b++) {
            ClipFeatures clip = clips.get(b);
            if (clip.featureSize() != featureSize) {
                throw new IllegalArgumentException(clip.source() + " has " + clip.featureSize()
                        + "-d features but " + clips.get(0).source() + " has " + featureSize);
            }
            for (int t = 0; t < clip.steps(); t++) {
                mask[b * time + t] = 1f;
                float[] vector = clip.vectors()[t];
                for (int f = 0; f < featureSize; f++) {
                    features[(b * featureSize + f) * time + t] = vector[f];
                }
            }
        }
        return new PaddedBatch(
                Nd4j.create(features, new long[] {clips.size(), featureSize, time}, 'c'),
                Nd4j.create(mask, new long[] {clips.size(), time}, 'c').castTo(DataType.FLOAT));
    }
}
