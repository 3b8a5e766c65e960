package dev.actionrec.data;

import static dev.actionrec.data.DatasetFolders.classFolder;
import static dev.actionrec.data.DatasetFolders.clip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupsTest {

    @TempDir Path root;

    @Test
    void ucf101PatternFindsGroup() {
        Groups groups = Groups.ucf101();

        assertEquals(
                Optional.of("g08"),
                groups.groupOf(clip("ApplyEyeMakeup", "v_ApplyEyeMakeup_g08_c01.avi", null)));
        assertEquals(Optional.empty(), groups.groupOf(clip("run", "run_01.mp4", null)));
    }

    @Test
    void patternNeedsOneCaptureGroup() {
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> Groups.fromPattern("_g\\d+_"));
        IllegalArgumentException invalid =
                assertThrows(IllegalArgumentException.class, () -> Groups.fromPattern("(g"));

        assertTrue(none.getMessage().contains("has 0 capture groups"), none.getMessage());
        assertTrue(invalid.getMessage().startsWith("invalid --group-pattern"));
    }

    @Test
    void csvMatchesByClassFolderAndFileName() throws IOException {
        Path csv =
                Files.writeString(
                        root.resolve("groups.csv"),
                        "path,class,source_group\n"
                                + "set/fight/a.mp4,fight,1\n"
                                + "set/calm/a.mp4,calm,2\n"
                                + "set/calm/b.mp4,calm,3\n");
        Groups groups = Groups.fromCsv(csv);

        assertEquals(Optional.of("1"), groups.groupOf(clip("fight", "a.mp4", null)));
        assertEquals(Optional.of("2"), groups.groupOf(clip("calm", "a.mp4", null)));
        LabelledClip moved = new LabelledClip(Path.of("/other/b.mp4"), "calm");
        assertEquals(Optional.of("3"), groups.groupOf(moved));
        LabelledClip ambiguous = new LabelledClip(Path.of("/other/a.mp4"), "calm");
        assertEquals(Optional.empty(), groups.groupOf(ambiguous));
    }

    @Test
    void csvNeedsGroupColumn() throws IOException {
        Path csv = Files.writeString(root.resolve("groups.csv"), "path,class\nx.mp4,run\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Groups.fromCsv(csv));
        assertTrue(e.getMessage().contains("source_group or group"), e.getMessage());
    }

    @Test
    void withGroupsKeepsUnmatchedClipsAlone() throws IOException {
        classFolder(root, "walk", "v_walk_g01_c01.mp4", "v_walk_g01_c02.mp4", "other.mp4");
        classFolder(root, "run", "v_run_g02_c01.mp4");

        ClipDataset dataset = ClipDataset.fromFolder(root).withGroups(Groups.ucf101());

        assertEquals(1, dataset.ungroupedClips().size());
        assertEquals(root.resolve("walk/other.mp4"), dataset.ungroupedClips().get(0).path());
        assertEquals(3, dataset.groupCount());
        List<String> groups = dataset.clips().stream().map(LabelledClip::group).toList();
        assertEquals(Arrays.asList("g02", null, "g01", "g01"), groups);
    }

    @Test
    void orElseFallsBack() {
        Groups groups = Groups.fromPattern("^(x\\d)_").orElse(Groups.ucf101());

        assertEquals(Optional.of("x1"), groups.groupOf(clip("a", "x1_g03_c1.mp4", null)));
        assertEquals(Optional.of("g03"), groups.groupOf(clip("a", "y_g03_c1.mp4", null)));
    }
}
