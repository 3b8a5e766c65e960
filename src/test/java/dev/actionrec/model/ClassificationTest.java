package dev.actionrec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    private static final List<String> LABELS = List.of("run", "walk", "wave");

    @Test
    void topKSortedByProbability() {
        Classification top = Classification.of(LABELS, new float[] {0.2f, 0.5f, 0.3f}, 2);

        assertEquals(2, top.top().size());
        assertEquals("walk", top.best());
        assertEquals("wave", top.top().get(1).label());
        assertEquals(0.3, top.top().get(1).probability(), 1e-6);
    }

    @Test
    void kAboveLabelCountListsAll() {
        Classification top = Classification.of(LABELS, new float[] {0.2f, 0.5f, 0.3f}, 10);

        assertEquals(3, top.top().size());
        assertEquals("run", top.top().get(2).label());
    }

    @Test
    void tiesKeepLabelOrder() {
        Classification top = Classification.of(LABELS, new float[] {0.4f, 0.2f, 0.4f}, 3);

        assertEquals("run", top.top().get(0).label());
        assertEquals("wave", top.top().get(1).label());
    }

    @Test
    void sizeMismatchRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Classification.of(LABELS, new float[] {1f}, 1));
    }
}
