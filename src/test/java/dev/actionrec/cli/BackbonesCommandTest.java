package dev.actionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.features.Backbones;
import dev.actionrec.features.WeightsOptions;
import dev.actionrec.testing.SharedData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code actionrec backbones} with an empty home folder and the shared weight files. */
class BackbonesCommandTest {

    @TempDir
    Path home;

    private String previousHome;

    @BeforeEach
    void useEmptyHome() {
        previousHome = System.setProperty(WeightsOptions.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(WeightsOptions.HOME_PROPERTY);
        } else {
            System.setProperty(WeightsOptions.HOME_PROPERTY, previousHome);
        }
    }

    private static String row(CommandRun run, String id) {
        return Arrays.stream(run.out().split("\n"))
                .filter(line -> line.startsWith(id + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id + "\n" + run.describe()));
    }

    @Test
    void listsEveryBackboneWithItsSizes() {
        CommandRun run = CommandRun.of("backbones");

        assertEquals(0, run.exitCode(), run.describe());
        for (String id : Backbones.ids()) {
            var info = Backbones.info(id);
            String row = row(run, id);
            assertTrue(row.contains(info.inputSize() + "x" + info.inputSize()), row);
            assertTrue(row.contains(" " + info.featureSize() + " "), row);
            assertTrue(row.contains(info.weights().fileName()), row);
        }
        assertTrue(row(run, "resnet50").contains("missing"), run.describe());
        assertTrue(row(run, "vgg16").contains(" 138,357,544 "), run.describe());
    }

    @Test
    void weightsFileMarksItsBackbonePresent() {
        Path squeezeNet = SharedData.resolve(
                "weights/squeezenet-v1.0-deep-compression/compressed_SqueezeNet.net");

        CommandRun run = CommandRun.of("backbones", "--weights", squeezeNet.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(row(run, "squeezenet-v1.0").contains(squeezeNet.toString()), run.describe());
        assertTrue(row(run, "xception").contains("missing"), run.describe());
    }

    @Test
    void measureTimesPresentBackbones() {
        Path squeezeNet = SharedData.resolve(
                "weights/squeezenet-v1.0-deep-compression/compressed_SqueezeNet.net");

        CommandRun run = CommandRun.of("backbones", "--measure", "--batch", "2", "--weights",
                squeezeNet.toString());

        assertEquals(0, run.exitCode(), run.describe());
        String[] columns = row(run, "squeezenet-v1.0").split("\\s+");
        assertEquals("onnxruntime", columns[4], run.describe());
        double millis = Double.parseDouble(columns[5]);
        assertTrue(millis > 0, run.describe());
        String[] darknet = row(run, "darknet19").split("\\s+");
        assertEquals("dl4j", darknet[4], run.describe());
        assertEquals("-", darknet[5], run.describe());
    }

    @Test
    void engineColumnFollowsEngineOption() {
        CommandRun run = CommandRun.of("backbones", "--engine", "onnxruntime");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(row(run, "mobilenetv2").contains(" onnxruntime "), run.describe());
        assertTrue(row(run, "resnet50").contains(" dl4j only "), run.describe());
    }

    @Test
    void unknownEngineIsUsageError() {
        CommandRun run = CommandRun.of("backbones", "--engine", "tensorrt");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("auto, dl4j, onnxruntime"), run.describe());
    }
}
