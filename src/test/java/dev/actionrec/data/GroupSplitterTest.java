package dev.actionrec.data;

import static dev.actionrec.data.DatasetFolders.clip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.actionrec.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSplitterTest {

    private static final List<String> LABELS = List.of("run", "walk");

    @TempDir Path dir;

    /** Ten groups per class, each of {@code perGroup} clips, plus two mixed groups. */
    private static List<LabelledClip> groupedClips(int perGroup) {
        List<LabelledClip> clips = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            for (int i = 0; i < perGroup; i++) {
                clips.add(clip("run", "r" + g + "_" + i + ".mp4", "run" + g));
                clips.add(clip("walk", "w" + g + "_" + i + ".mp4", "walk" + g));
            }
        }
        clips.add(clip("run", "m1r.mp4", "mixed1"));
        clips.add(clip("walk", "m1w.mp4", "mixed1"));
        clips.add(clip("run", "m2r.mp4", "mixed2"));
        clips.add(clip("walk", "m2w.mp4", "mixed2"));
        return clips;
    }

    @Test
    void splitKeepsGroupsApart() throws DatasetException {
        List<LabelledClip> clips = groupedClips(3);

        Split split = new GroupSplitter(0.2, 7).split(LABELS, clips);

        assertEquals(List.of(), split.sharedGroups());
        assertEquals(clips.size(), split.train().size() + split.heldOut().size());
        assertTrue(split.heldOutCountsPerClass().get("run") > 0);
        assertTrue(split.heldOutCountsPerClass().get("walk") > 0);
        assertTrue(split.trainCountsPerClass().get("run") > 0);
        assertTrue(split.trainCountsPerClass().get("walk") > 0);
        assertTrue(Math.abs(split.heldOutFraction() - 0.2) < 0.1, split.describe());
    }

    @Test
    void splitIsDeterministicForSeed() throws DatasetException {
        List<LabelledClip> clips = groupedClips(2);

        Split first = new GroupSplitter(0.3, 11).split(LABELS, clips);
        Split second = new GroupSplitter(0.3, 11).split(LABELS, clips);

        assertEquals(first.heldOut(), second.heldOut());
        assertEquals(first.train(), second.train());
    }

    @Test
    void splitCoversClassesWhenTiny() throws DatasetException {
        List<LabelledClip> clips =
                List.of(
                        clip("run", "r1.mp4", null), clip("run", "r2.mp4", null),
                        clip("walk", "w1.mp4", null), clip("walk", "w2.mp4", null));

        Split split = new GroupSplitter(0.1, 1).split(LABELS, clips);

        assertEquals(Map.of("run", 1, "walk", 1), split.heldOutCountsPerClass());
        assertEquals(Map.of("run", 1, "walk", 1), split.trainCountsPerClass());
        assertEquals(2, split.heldOutGroupCount());
    }

    @Test
    void splitWarnsAboutClassWithOneClip() throws DatasetException {
        List<LabelledClip> clips =
                List.of(
                        clip("run", "r1.mp4", "g1"),
                        clip("run", "r2.mp4", "g2"),
                        clip("run", "r3.mp4", "g3"),
                        clip("walk", "w1.mp4", "g4"));

        try (LogCapture log = new LogCapture(GroupSplitter.class)) {
            Split split = new GroupSplitter(0.3, 1).split(LABELS, clips);

            int walkSides =
                    (split.trainCountsPerClass().get("walk") > 0 ? 1 : 0)
                            + (split.heldOutCountsPerClass().get("walk") > 0 ? 1 : 0);
            assertEquals(1, walkSides);
            assertEquals(1, log.warnings().size());
            assertTrue(log.warnings().get(0).startsWith("Class walk is only on the"));
        }
    }

    @Test
    void splitRejectsSingleGroupAndBadFraction() {
        List<LabelledClip> clips = List.of(clip("run", "r1.mp4", "g"), clip("walk", "w1.mp4", "g"));

        assertThrows(DatasetException.class, () -> new GroupSplitter(0.2, 1).split(LABELS, clips));
        assertThrows(IllegalArgumentException.class, () -> new GroupSplitter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GroupSplitter(1, 1));
    }

    @Test
    void sharedGroupsListsOffenders() {
        List<LabelledClip> train =
                List.of(
                        clip("run", "a.mp4", "g1"),
                        clip("run", "b.mp4", "g2"),
                        clip("run", "c.mp4", null));
        List<LabelledClip> test =
                List.of(
                        clip("walk", "d.mp4", "g2"),
                        clip("run", "e.mp4", "g3"),
                        clip("run", "c.mp4", null));

        assertEquals(
                List.of("clip:/data/run/c.mp4", "g2"), GroupSplitter.sharedGroups(train, test));
    }

    @Test
    void splitListsRoundTrip() throws IOException {
        DatasetFolders.classFolder(dir, "run", "r1.mp4", "r2.mp4");
        DatasetFolders.classFolder(dir, "walk", "w1.mp4", "w2.mp4");
        ClipDataset dataset = ClipDataset.fromFolder(dir);
        Split split = new GroupSplitter(0.5, 3).split(dataset);

        Path lists = dir.resolve("out/split");
        split.write(lists);
        Split read = Split.read(lists, dataset);

        assertEquals(split.train(), read.train());
        assertEquals(split.heldOut(), read.heldOut());
        List<String> trainLines = Files.readAllLines(lists.resolve("train.txt"));
        assertEquals(split.train().size(), trainLines.size());
        assertTrue(trainLines.get(0).matches("(run|walk)/[rw][12]\\.mp4"), trainLines.get(0));
    }

    @Test
    void splitReadAcceptsUcf101Lists() throws IOException {
        DatasetFolders.classFolder(dir, "Run", "v_Run_g01_c01.avi", "v_Run_g02_c01.avi");
        DatasetFolders.classFolder(dir, "Walk", "v_Walk_g01_c01.avi");
        ClipDataset dataset = ClipDataset.fromFolder(dir);
        Files.writeString(
                dir.resolve("train.txt"),
                "Run/v_Run_g01_c01.avi 1\n" + "Walk/v_Walk_g01_c01.avi 2\n");
        Files.writeString(dir.resolve("test.txt"), "Run/v_Run_g02_c01.avi\n");

        Split split = Split.read(dir, dataset);

        assertEquals(2, split.train().size());
        assertEquals(dir.resolve("Run/v_Run_g02_c01.avi"), split.heldOut().get(0).path());
    }

    @Test
    void splitReadRejectsUnknownPath() throws IOException {
        DatasetFolders.classFolder(dir, "run", "r1.mp4");
        DatasetFolders.classFolder(dir, "walk", "w1.mp4");
        ClipDataset dataset = ClipDataset.fromFolder(dir);
        Files.writeString(dir.resolve("train.txt"), "run/r1.mp4\n");
        Files.writeString(dir.resolve("test.txt"), "walk/gone.mp4\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Split.read(dir, dataset));
        assertTrue(e.getMessage().contains("walk/gone.mp4"), e.getMessage());
    }

    @Test
    void fightSurveillanceSplitByGroup() throws IOException {
        Path root = SharedData.resolve("videos/fight-surveillance");
        ClipDataset dataset =
                ClipDataset.fromFolder(root).withGroups(Groups.fromCsv(root.resolve("groups.csv")));

        assertEquals(300, dataset.clips().size());
        assertEquals(List.of("fight", "noFight"), dataset.labels());
        assertEquals(46, dataset.groupCount());
        assertEquals(List.of(), dataset.ungroupedClips());

        Split split = new GroupSplitter(0.2, 42).split(dataset);

        assertEquals(List.of(), split.sharedGroups());
        for (String label : dataset.labels()) {
            assertTrue(split.trainCountsPerClass().get(label) > 0, split.describe());
            assertTrue(split.heldOutCountsPerClass().get(label) > 0, split.describe());
        }
        assertTrue(split.heldOutFraction() >= 0.1, split.describe());
        assertTrue(split.heldOutFraction() <= 0.35, split.describe());
    }
}
