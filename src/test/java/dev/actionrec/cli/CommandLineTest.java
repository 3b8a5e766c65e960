package dev.actionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option parsing, help and the error paths that need no weights or videos. */
class CommandLineTest {

    @TempDir
    Path temp;

    @Test
    void versionNamesLibraries() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("actionrec "), run.describe());
        assertTrue(run.out().contains("Deeplearning4j 1.0.0-M2.1"), run.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "classify", "evaluate", "split", "frames", "backbones"})
    void subcommandHelpWorks(String command) {
        CommandRun run = CommandRun.of(command, "--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Usage: actionrec " + command), run.describe());
    }

    @Test
    void trainHelpStatesDefaultsAndUnits() {
        CommandRun run = CommandRun.of("train", "--help");

        assertTrue(run.out().contains("--encoder"), run.describe());
        assertTrue(run.out().contains("default: lstm"), run.describe());
        assertTrue(run.out().contains("frames per second"), run.describe());
        assertTrue(run.out().contains("--learning-rate"), run.describe());
    }

    @Test
    void unknownOptionIsUsageError() {
        CommandRun run = CommandRun.of("classify", "--no-such-option", "clip.mp4");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.describe());
    }

    @Test
    void badThreadsIsUsageError() {
        CommandRun run = CommandRun.of("classify", "--threads", "engine=0,ffmpeg=1", "clip.mp4");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.describe());
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains("--threads"), run.describe());
        assertTrue(firstLine.contains("engine must be between 1 and 256 threads, got 0"),
                run.describe());
    }

    @Test
    void helpDescribesThreadSplit() {
        CommandRun run = CommandRun.of("evaluate", "--help");

        assertTrue(run.out().contains("engine=E,ffmpeg=F,decoders=D"), run.describe());
    }

    @Test
    void missingModelFileExitsWithModelCode() {
        Path model = temp.resolve("absent.actionrec");

        CommandRun run = CommandRun.of("classify", "clip.mp4", "--model", model.toString());

        assertEquals(ExitCodes.MODEL_FILE, run.exitCode(), run.describe());
        assertEquals(1, run.err().strip().lines().count(), run.describe());
        assertTrue(run.err().contains(model.toString()), run.describe());
    }

    @Test
    void corruptModelFileExitsWithModelCode() throws IOException {
        Path model = temp.resolve("broken.actionrec");
        Files.writeString(model, "this is not a model");

        CommandRun run = CommandRun.of("evaluate", temp.toString(), "--model", model.toString());

        assertEquals(ExitCodes.MODEL_FILE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("not an actionrec model file"), run.describe());
    }

    @Test
    void missingDataFolderExitsWithDatasetCode() {
        Path data = temp.resolve("no such folder");

        CommandRun run = CommandRun.of("split", data.toString(), "--out", temp.toString());

        assertEquals(ExitCodes.DATASET, run.exitCode(), run.describe());
        assertTrue(run.err().contains(data.toString()), run.describe());
    }

    @Test
    void invalidSamplingIsUsageError() {
        CommandRun run = CommandRun.of("frames", "clip.mp4", "--out", temp.toString(),
                "--fps", "0");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.describe());
        assertTrue(run.err().contains("--fps"), run.describe());
    }

    @Test
    void missingVideoExitsWithNotFoundCode() {
        Path video = temp.resolve("-clip with spaces é.mp4");

        CommandRun run = CommandRun.of("frames", "--out", temp.resolve("frames").toString(),
                "--", video.toString());

        assertEquals(11, run.exitCode(), run.describe());
        assertTrue(run.err().contains(video.toString()), run.describe());
    }

    @Test
    void trainRejectsEngineBeforeReadingData() {
        CommandRun run = CommandRun.of("train", temp.resolve("no-such-dataset").toString(),
                "--backbone", "resnet50", "--engine", "onnxruntime",
                "-o", temp.resolve("model.actionrec").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("--engine dl4j"), run.describe());
        assertFalse(run.err().contains("no-such-dataset"), run.describe());
    }
}
