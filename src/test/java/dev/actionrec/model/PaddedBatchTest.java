package dev.actionrec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.actionrec.features.ClipFeatures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaddedBatchTest {

    private static ClipFeatures clip(int steps, float value) {
        float[][] vectors = new float[steps][2];
        for (int t = 0; t < steps; t++) {
            vectors[t][0] = value + t;
            vectors[t][1] = -value - t;
        }
        return new ClipFeatures(Path.of("c" + steps), new long[steps], vectors);
    }

    @Test
    void padsToLongestClip() {
        PaddedBatch batch = PaddedBatch.of(List.of(clip(3, 10), clip(1, 20)));

        assertArrayEquals(new long[] {2, 2, 3}, batch.features().shape());
        assertArrayEquals(new long[] {2, 3}, batch.mask().shape());
        assertArrayEquals(new float[] {1, 1, 1}, batch.mask().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1, 0, 0}, batch.mask().getRow(1).toFloatVector());
        assertEquals(12f, batch.features().getFloat(0, 0, 2));
        assertEquals(-12f, batch.features().getFloat(0, 1, 2));
        assertEquals(20f, batch.features().getFloat(1, 0, 0));
        assertEquals(0f, batch.features().getFloat(1, 0, 1));
    }

    @Test
    void mixedFeatureSizesRejected() {
        ClipFeatures wide = new ClipFeatures(Path.of("w"), new long[1], new float[1][3]);

        assertThrows(IllegalArgumentException.class,
                () -> PaddedBatch.of(List.of(clip(2, 0), wide)));
    }
}
