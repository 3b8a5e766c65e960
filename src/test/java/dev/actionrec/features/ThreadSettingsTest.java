package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and splitting of the {@code --threads} value. */
class ThreadSettingsTest {

    /** Stands in for the machine's defaults, so results do not depend on its processors. */
    private static final ThreadSettings DEFAULTS = new ThreadSettings(6, 1, 2);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1; 1; 1; 2",
        "2; 1; 1; 2",
        "3; 2; 1; 2",
        "4; 2; 1; 2",
        "8; 4; 1; 4",
        "16; 8; 1; 8",
    })
    void budgetSplitsByRule(int budget, int engine, int ffmpeg, int decoders) {
        ThreadSettings settings = ThreadSettings.parse(Integer.toString(budget), DEFAULTS);

        assertEquals(engine, settings.engineThreads());
        assertEquals(ffmpeg, settings.ffmpegThreads());
        assertEquals(decoders, settings.decoders());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "engine=3,ffmpeg=2,decoders=4; 3; 2; 4",
        "decoders=4,engine=3,ffmpeg=2; 3; 2; 4",
        "engine=3; 3; 1; 2",
        "ffmpeg=0; 6; 0; 2",
        "decoders=1; 6; 1; 1",
        "' Engine = 3 , FFMPEG=0 '; 3; 0; 2",
    })
    void keysOverrideDefaults(String text, int engine, int ffmpeg, int decoders) {
        ThreadSettings settings = ThreadSettings.parse(text, DEFAULTS);

        assertEquals(engine, settings.engineThreads());
        assertEquals(ffmpeg, settings.ffmpegThreads());
        assertEquals(decoders, settings.decoders());
    }

    @Test
    void textFormReadsBack() {
        ThreadSettings settings = new ThreadSettings(3, 0, 5);

        assertEquals("engine=3,ffmpeg=0,decoders=5", settings.toString());
        assertEquals(settings, ThreadSettings.parse(settings.toString(), DEFAULTS));
    }

    @Test
    void defaultsUseAllProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();

        assertEquals(ThreadSettings.forBudget(processors), ThreadSettings.defaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "''; empty thread setting",
        "'  '; empty thread setting",
        "0; thread budget must be between 1 and 256",
        "-2; thread budget must be between 1 and 256",
        "257; thread budget must be between 1 and 256",
        "2147483648; thread budget must be at most 256, got 2147483648",
        "engine=99999999999; engine must be at most 256, got 99999999999",
        "four; thread setting 'four' is neither a whole number nor a KEY=VALUE list",
        "2.5; thread setting '2.5' is neither a whole number",
        "engine=0; engine must be between 1 and 256 threads, got 0",
        "engine=300; engine must be between 1 and 256 threads, got 300",
        "ffmpeg=-1; ffmpeg must be between 0 and 256 threads, got -1",
        "decoders=0; decoders must be between 1 and 256 clips, got 0",
        "engine=two; engine 'two' in thread setting 'engine=two' is not a whole number",
        "engine=; engine '' in thread setting 'engine=' is not a whole number",
        "engine=2,engine=3; key 'engine' appears twice",
        "cores=2; unknown key 'cores'",
        "engine=2,; '' in thread setting 'engine=2,' is not KEY=VALUE",
        "engine=2,4; '4' in thread setting 'engine=2,4' is not KEY=VALUE",
    })
    void badValueIsRejected(String text, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ThreadSettings.parse(text, DEFAULTS));

        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void constructorRejectsNoEngineThreads(int engine) {
        assertThrows(IllegalArgumentException.class, () -> new ThreadSettings(engine, 1, 1));
    }

    @Test
    void oneVideoGivesEachStageTheWholeBudget() {
        assertEquals(new ThreadSettings(2, 2, 1), ThreadSettings.forBudget(2, 1));
        assertEquals(new ThreadSettings(4, 4, 1), ThreadSettings.parse("4", 1));
    }

    @Test
    void severalVideosShareTheBudget() {
        assertEquals(new ThreadSettings(1, 1, 2), ThreadSettings.forBudget(2, 30));
        assertEquals(new ThreadSettings(2, 1, 2), ThreadSettings.parse("4", 30));
    }

    @Test
    void leftOutKeysFollowTheVideoCount() {
        int processors = Runtime.getRuntime().availableProcessors();
        ThreadSettings one = ThreadSettings.parse("decoders=3", 1);

        assertEquals(3, one.decoders());
        assertEquals(processors, one.engineThreads());
        assertEquals(processors, one.ffmpegThreads());
    }

    @Test
    void videoCountBelowOneIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ThreadSettings.forBudget(2, 0));
        assertTrue(e.getMessage().contains("videos"), e.getMessage());
    }
}
