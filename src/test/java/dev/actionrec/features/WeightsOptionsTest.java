package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsOptionsTest {

    @TempDir
    Path dir;

    private String savedHome;

    @BeforeEach
    void clearProperty() {
        savedHome = System.clearProperty(WeightsOptions.HOME_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedHome == null) {
            System.clearProperty(WeightsOptions.HOME_PROPERTY);
        } else {
            System.setProperty(WeightsOptions.HOME_PROPERTY, savedHome);
        }
    }

    @Test
    void homePropertyOverridesUserHome() {
        System.setProperty(WeightsOptions.HOME_PROPERTY, dir.toString());

        WeightsOptions options = WeightsOptions.defaults();

        assertEquals(dir, options.home());
        assertEquals(dir.resolve("cache"), options.cacheDir());
        assertNull(options.weightsFile());
        assertTrue(options.download());
    }

    @Test
    void defaultHomeIsDotActionrec() {
        assertEquals(Path.of("/home/ana/.actionrec"),
                WeightsOptions.homeFrom(null, null, "/home/ana"));
        assertEquals(Path.of("/home/ana/.actionrec"),
                WeightsOptions.homeFrom(" ", "", "/home/ana"));
    }

    @Test
    void homePropertyBeatsEnvironment() {
        assertEquals(Path.of("/data/env"), WeightsOptions.homeFrom(null, "/data/env", "/home/ana"));
        assertEquals(Path.of("/data/prop"),
                WeightsOptions.homeFrom("/data/prop", "/data/env", "/home/ana"));
    }

    @Test
    void withersChangeOneField() {
        WeightsOptions options = WeightsOptions.defaults().withHome(dir)
                .withWeightsFile(dir.resolve("w.tflite"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertEquals(dir.resolve("w.tflite"), options.weightsFile());
        assertEquals(dir, options.home());
        assertEquals(Duration.ofSeconds(2), options.readTimeout());
    }

    @Test
    void negativeTimeoutRejected() {
        assertThrows(IllegalArgumentException.class, () -> WeightsOptions.defaults()
                .withTimeouts(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }
}
