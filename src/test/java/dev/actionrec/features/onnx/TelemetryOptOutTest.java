package dev.actionrec.features.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a classification on ONNX Runtime in a fresh JVM whose environment lacks the telemetry
 * opt-out, as a library user's would, and checks that ONNX Runtime kept no telemetry store.
 */
class TelemetryOptOutTest {

    @Test
    void onnxRuntimeKeepsNoTelemetryStore(@TempDir Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = home.resolve("classify.log");
        List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "dev.actionrec.cli.Main", "-q", "classify", "--engine", "onnxruntime",
                "--no-cache", "--model", project("models/fight-lstm.actionrec"),
                project("samples/test-pattern-4s.mp4"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove(OnnxRuntimeEnvironment.OPT_OUT);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("ACTIONREC_HOME", home.resolve("actionrec").toString());
        builder.environment().put("ACTIONREC_WEIGHTS", SharedData.resolve("weights").toString());
        Process process = builder.start();

        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "forked JVM did not finish");
        assertEquals(0, process.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("noFight"), Files.readString(log));
        assertFalse(Files.exists(home.resolve(".cache/Microsoft")),
                "ONNX Runtime created " + home.resolve(".cache/Microsoft"));
    }

    private static String project(String relative) {
        return Path.of(System.getProperty("actionrec.projectDir", ".")).resolve(relative)
                .toAbsolutePath().toString();
    }
}
