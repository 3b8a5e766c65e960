package dev.actionrec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.ClipFeatures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureNormalizerTest {

    private static ClipFeatures clip(float[]... vectors) {
        long[] timestamps = new long[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            timestamps[i] = i * 1_000_000L;
        }
        return new ClipFeatures(Path.of("clip.mp4"), timestamps, vectors);
    }

    @Test
    void fitUsesEveryRealStep() {
        FeatureNormalizer normalizer = FeatureNormalizer.fit(List.of(
                clip(new float[] {1, 10}, new float[] {3, 10}),
                clip(new float[] {5, 10})));

        assertArrayEquals(new float[] {3, 10}, normalizer.mean(), 1e-6f);
        assertEquals((float) Math.sqrt(8.0 / 3), normalizer.std()[0], 1e-5f);
    }

    @Test
    void constantDimensionStaysFinite() {
        FeatureNormalizer normalizer = FeatureNormalizer.fit(List.of(
                clip(new float[] {1, 7}, new float[] {2, 7})));

        ClipFeatures unseen = normalizer.apply(clip(new float[] {1.5f, 7000f}));

        assertEquals(1f, normalizer.std()[1]);
        assertTrue(Float.isFinite(unseen.vectors()[0][1]));
        assertEquals(6993f, unseen.vectors()[0][1], 1e-3f);
    }

    @Test
    void applyStandardises() {
        FeatureNormalizer normalizer = new FeatureNormalizer(new float[] {1, 2}, new float[] {2, 4});

        ClipFeatures out = normalizer.apply(clip(new float[] {5, 2}));

        assertArrayEquals(new float[] {2, 0}, out.vectors()[0], 1e-6f);
    }

    @Test
    void wrongFeatureSizeRejected() {
        FeatureNormalizer normalizer = new FeatureNormalizer(new float[] {0, 0}, new float[] {1, 1});

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> normalizer.apply(clip(new float[] {1, 2, 3})));
        assertTrue(error.getMessage().contains("3-d features"), error.getMessage());
    }

    @Test
    void zeroStdRejectedOnLoad() {
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureNormalizer(new float[] {0}, new float[] {0}));
    }
}
