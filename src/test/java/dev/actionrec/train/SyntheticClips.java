package dev.actionrec.train;

import dev.actionrec.encoder.EncoderConfig;
import dev.actionrec.encoder.EncoderType;
import dev.actionrec.features.ClipFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small labelled feature sequences whose class shifts the mean of one feature dimension. */
final class SyntheticClips {

    static final int FEATURES = 6;
    static final List<String> LABELS = List.of("run", "walk", "wave");

    private SyntheticClips() {}

    /**
     * Returns {@code counts[c]} clips of class {@code c}, each 3 to 7 steps long.
     *
     * @param prefix start of each clip's file name, so that training and validation differ
     */
    static List<LabelledFeatures> clips(String prefix, long seed, int... counts) {
        Random random = new Random(seed);
        List<LabelledFeatures> clips = new ArrayList<>();
        for (int label = 0; label < counts.length; label++) {
            for (int i = 0; i < counts[label]; i++) {
                int steps = 3 + random.nextInt(5);
                float[][] vectors = new float[steps][FEATURES];
                for (float[] vector : vectors) {
                    for (int f = 0; f < FEATURES; f++) {
                        vector[f] = (float) random.nextGaussian() + (f == label ? 2f : 0f);
                    }
                }
                Path source = Path.of(prefix + "-" + label + "-" + i + ".mp4");
                clips.add(new LabelledFeatures(
                        new ClipFeatures(source, new long[steps], vectors), label));
            }
        }
        return clips;
    }

    /** Returns a small LSTM encoder with dropout, so that resumption must restore its RNG. */
    static EncoderConfig lstm() {
        return EncoderConfig.defaults(EncoderType.LSTM, FEATURES, LABELS.size())
                .withHiddenSize(8)
                .withDropout(0.2)
                .withLearningRate(0.01);
    }

    /** Returns a request that trains only from already extracted features. */
    static TrainingPipeline.Request request(EncoderConfig encoder, TrainingOptions options,
            ClassWeighting weighting, Path checkpoint, boolean resume) {
        return new TrainingPipeline.Request(LABELS, List.of(), List.of(), "synthetic", encoder,
                options, false, weighting, checkpoint, resume);
    }
}
