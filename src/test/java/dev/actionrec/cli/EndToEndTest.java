package dev.actionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.GroupSplitter;
import dev.actionrec.data.Groups;
import dev.actionrec.data.LabelledClip;
import dev.actionrec.data.Split;
import dev.actionrec.model.ActionModel;
import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains, evaluates and classifies through the command line on real surveillance clips, with
 * whole source groups held out of training: a subset of the training groups' clips, every
 * held-out clip, and 8 frames per clip to stay fast.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    /**
     * Training clips per class. With 24 the held-out accuracy swung by 10 points between
     * settings, and with 40 it came within two clips of the threshold.
     */
    private static final int TRAIN_PER_CLASS = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static Path groupsCsv;
    static Path weights;
    static Path trainManifest;
    static Path testManifest;
    static Path model;
    static List<LabelledClip> testClips;

    @BeforeAll
    static void writeManifests() throws IOException {
        Path data = SharedData.resolve("videos/fight-surveillance");
        groupsCsv = data.resolve("groups.csv");
        weights = SharedData.resolve("weights/mobilenet_v2_1.0_224_quant.tflite");
        ClipDataset dataset = ClipDataset.fromFolder(data).withGroups(Groups.fromCsv(groupsCsv));
        Split split = new GroupSplitter(0.2, 42).split(dataset);

        List<LabelledClip> trainClips = spread(split.train(), dataset.labels(), TRAIN_PER_CLASS);
        testClips = split.heldOut();
        trainManifest = writeManifest("train.csv", trainClips);
        testManifest = writeManifest("test.csv", testClips);
        model = temp.resolve("models/fight lstm.actionrec");
    }

    /** Picks {@code perClass} clips of each label, spread evenly over the sorted list. */
    private static List<LabelledClip> spread(List<LabelledClip> clips, List<String> labels,
            int perClass) {
        List<LabelledClip> picked = new ArrayList<>();
        for (String label : labels) {
            List<LabelledClip> ofLabel = clips.stream().filter(c -> c.label().equals(label)).toList();
            double stride = Math.max(1.0, (double) ofLabel.size() / perClass);
            for (int i = 0; i < perClass && (int) (i * stride) < ofLabel.size(); i++) {
                picked.add(ofLabel.get((int) (i * stride)));
            }
        }
        return picked;
    }

    private static Path writeManifest(String name, List<LabelledClip> clips) throws IOException {
        StringBuilder csv = new StringBuilder("path,label,group\n");
        for (LabelledClip clip : clips) {
            csv.append(clip.path()).append(',').append(clip.label()).append(',')
                    .append(clip.group()).append('\n');
        }
        Path file = temp.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    private static String[] withCommon(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--weights", weights.toString(),
                "--cache-dir", temp.resolve("features").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void heldOutGroupsAreUnseen() {
        List<String> shared = GroupSplitter.sharedGroups(
                readManifestClips(trainManifest), readManifestClips(testManifest));
        assertTrue(shared.isEmpty(), "groups on both sides: " + shared);
    }

    private static List<LabelledClip> readManifestClips(Path manifest) {
        try {
            return ClipDataset.fromManifest(manifest).clips();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void trainWritesModelFile() throws IOException {
        CommandRun run = CommandRun.of(withCommon("train", trainManifest.toString(),
                "--out", model.toString(), "--encoder", "lstm", "--fps", "4", "--frames", "8",
                "--epochs", "25", "--patience", "0", "--val-fraction", "0.25"));

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Wrote " + model), run.describe());
        ActionModel loaded = ActionModel.load(model);
        assertEquals(List.of("fight", "noFight"), loaded.metadata().labels());
        assertEquals(8, loaded.metadata().sampling().frames());
        assertEquals(4.0, loaded.metadata().sampling().fps());
        assertEquals("mobilenetv2", loaded.metadata().backbone().id());
        assertEquals("lstm", loaded.metadata().encoder());
    }

    @Test
    @Order(3)
    void evaluateHeldOutGroupsBeatsChance() throws IOException {
        CommandRun run = CommandRun.of(withCommon("evaluate", testManifest.toString(),
                "--model", model.toString(), "--json"));

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(testClips.size(), report.get("count").asInt(), run.describe());
        double accuracy = report.get("accuracy").asDouble();
        System.out.printf("End-to-end held-out accuracy: %.3f on %d clips%n", accuracy,
                testClips.size());
        assertTrue(accuracy >= 0.65, "held-out accuracy " + accuracy + "\n" + run.describe());
    }

    @Test
    @Order(4)
    void evaluateTablePrintsConfusionMatrix() {
        CommandRun run = CommandRun.of(withCommon("evaluate", testManifest.toString(),
                "--model", model.toString()));

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("noFight"), run.describe());
        assertTrue(run.out().toLowerCase().contains("confusion"), run.describe());
        assertTrue(run.out().toLowerCase().contains("macro"), run.describe());
    }

    @Test
    @Order(5)
    void classifyJsonListsTopK() throws IOException {
        Path clip = testClips.get(0).path();

        CommandRun run = CommandRun.of(withCommon("classify", clip.toString(),
                "--model", model.toString(), "--json", "--top-k", "2"));

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode results = JSON.readTree(run.out());
        assertEquals(1, results.size());
        JsonNode result = results.get(0);
        assertEquals(clip.toString(), result.get("file").asText());
        assertEquals(8, result.get("frames").asInt());
        JsonNode top = result.get("top");
        assertEquals(2, top.size());
        double sum = top.get(0).get("probability").asDouble() + top.get(1).get("probability").asDouble();
        assertEquals(1.0, sum, 1e-4);
        assertTrue(top.get(0).get("probability").asDouble() >= top.get(1).get("probability").asDouble());
    }

    @Test
    @Order(6)
    void classifyGoesOnPastMissingFile() {
        Path clip = testClips.get(1).path();
        Path missing = temp.resolve("no such clip.mp4");

        CommandRun run = CommandRun.of(withCommon("classify", missing.toString(), clip.toString(),
                "--model", model.toString()));

        assertEquals(ExitCodes.forVideo(dev.actionrec.video.VideoDecodeException.Reason.NOT_FOUND),
                run.exitCode(), run.describe());
        assertTrue(run.err().contains(missing.toString()), run.describe());
        assertTrue(run.out().contains(clip.toString()), run.describe());
        assertTrue(run.out().contains("1. "), run.describe());
    }
}
