package dev.actionrec.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatsTest {

    @Test
    void oddCountTakesMiddleValue() {
        RunStats stats = RunStats.of(List.of(9.0, 1.0, 5.0, 7.0, 3.0));

        assertEquals(5.0, stats.median());
        assertEquals(1.0, stats.min());
        assertEquals(9.0, stats.max());
        assertEquals(5, stats.count());
    }

    @Test
    void evenCountTakesUpperMiddle() {
        assertEquals(3.0, RunStats.of(List.of(4.0, 1.0, 3.0, 2.0)).median());
    }

    @Test
    void formatShowsMedianMinMax() {
        assertEquals("2.0 [1.0, 4.0]", RunStats.of(List.of(4.0, 1.0, 2.0)).format(1));
    }

    @Test
    void mapConvertsTimesToRates() {
        RunStats rates = RunStats.of(List.of(100.0, 200.0, 400.0)).map(ms -> 1000 / ms);

        assertEquals(5.0, rates.median());
        assertEquals(2.5, rates.min());
        assertEquals(10.0, rates.max());
    }

    @Test
    void emptyListRejected() {
        assertThrows(IllegalArgumentException.class, () -> RunStats.of(List.of()));
    }
}
