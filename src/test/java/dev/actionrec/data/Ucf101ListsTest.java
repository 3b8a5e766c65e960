package dev.actionrec.data;

import static dev.actionrec.data.DatasetFolders.classFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ucf101ListsTest {

    @TempDir Path dir;

    private Path root;
    private Path lists;
    private ClipDataset dataset;

    @BeforeEach
    void createTree() throws IOException {
        root = dir.resolve("UCF-101");
        classFolder(
                root,
                "ApplyEyeMakeup",
                "v_ApplyEyeMakeup_g01_c01.avi",
                "v_ApplyEyeMakeup_g01_c02.avi",
                "v_ApplyEyeMakeup_g08_c01.avi",
                "v_ApplyEyeMakeup_g09_c01.avi");
        classFolder(
                root,
                "Archery",
                "v_Archery_g01_c01.avi",
                "v_Archery_g08_c01.avi",
                "v_Archery_g09_c01.avi");
        dataset = ClipDataset.fromFolder(root);
        lists = Files.createDirectories(dir.resolve("ucfTrainTestlist"));
        write("classInd.txt", "1 ApplyEyeMakeup\r\n2 Archery\r\n");
        write(
                "trainlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1\r\n"
                        + "ApplyEyeMakeup/v_ApplyEyeMakeup_g09_c01.avi 1\r\n"
                        + "Archery/v_Archery_g08_c01.avi 2\r\n"
                        + "Archery/v_Archery_g09_c01.avi 2\r\n");
        write(
                "testlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi\r\n"
                        + "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c02.avi\r\n"
                        + "Archery/v_Archery_g01_c01.avi\r\n");
    }

    @Test
    void readTakesLabelsFromClassFolders() throws IOException {
        Split split = Split.read(lists, dataset);

        assertEquals(4, split.train().size());
        assertEquals(3, split.heldOut().size());
        assertEquals(Map.of("ApplyEyeMakeup", 2, "Archery", 2), split.trainCountsPerClass());
        assertEquals(Map.of("ApplyEyeMakeup", 2, "Archery", 1), split.heldOutCountsPerClass());
        assertEquals(
                root.resolve("Archery/v_Archery_g01_c01.avi"), split.heldOut().get(2).path());
        assertEquals("Archery", split.heldOut().get(2).label());
    }

    @Test
    void splitIndexPicksNumberedLists() throws IOException {
        write("trainlist02.txt", "Archery/v_Archery_g01_c01.avi 2\n");
        write("testlist02.txt", "Archery/v_Archery_g08_c01.avi\nArchery/v_Archery_g09_c01.avi\n");

        try (LogCapture log = new LogCapture(SplitLists.class)) {
            Split split = Split.read(lists, dataset, 2);

            assertEquals(1, split.train().size());
            assertEquals(2, split.heldOut().size());
            assertTrue(
                    log.warnings().contains(
                            "Class ApplyEyeMakeup has no clips in the training list in " + lists
                                    + ", so the model cannot learn it; add clips of it to that"
                                    + " list"),
                    log.warnings().toString());
        }
        DatasetException missing =
                assertThrows(DatasetException.class, () -> Split.read(lists, dataset, 3));
        assertTrue(missing.getMessage().contains("trainlist03.txt"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.read(lists, dataset, 0));
    }

    @Test
    void trainTxtTakesPrecedence() throws IOException {
        write("train.txt", "Archery/v_Archery_g01_c01.avi\n");
        write("test.txt", "Archery/v_Archery_g08_c01.avi\n");

        Split split = Split.read(lists, dataset);

        assertEquals(1, split.train().size());
        assertEquals(1, split.heldOut().size());
    }

    @Test
    void missingFileNamesListAndLine() throws IOException {
        write(
                "testlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi\n"
                        + "Archery/v_Archery_g05_c01.avi\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Split.read(lists, dataset));

        String message = e.getMessage();
        assertTrue(message.contains(lists.resolve("testlist01.txt").toString()), message);
        assertTrue(message.contains("line 2 'Archery/v_Archery_g05_c01.avi'"), message);
        assertTrue(message.contains("file not found"), message);
    }

    @Test
    void classNumberMismatchIsReported() throws IOException {
        write(
                "trainlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1\n"
                        + "Archery/v_Archery_g08_c01.avi 1\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Split.read(lists, dataset));

        String message = e.getMessage();
        assertTrue(message.contains("trainlist01.txt"), message);
        assertTrue(message.contains("line 2"), message);
        assertTrue(
                message.contains("class number 1 disagrees with classInd.txt, which gives Archery"
                        + " the number 2"),
                message);
    }

    @Test
    void classMissingFromIndexIsReported() throws IOException {
        write("classInd.txt", "1 ApplyEyeMakeup\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Split.read(lists, dataset));

        assertTrue(e.getMessage().contains("class Archery is not in classInd.txt"), e.getMessage());
        assertTrue(e.getMessage().startsWith("2 invalid line(s)"), e.getMessage());
    }

    @Test
    void malformedClassIndexIsReported() throws IOException {
        write("classInd.txt", "1 ApplyEyeMakeup\nArchery\n");

        DatasetException e = assertThrows(DatasetException.class, () -> Split.read(lists, dataset));

        assertTrue(e.getMessage().startsWith("line 2 of "), e.getMessage());
        assertTrue(e.getMessage().contains("classInd.txt"), e.getMessage());
    }

    @Test
    void officialLayoutSharesNoGroups() throws IOException {
        Split split = Split.read(lists, dataset).withGroups(Groups.ucf101());

        try (LogCapture log = new LogCapture(Split.class)) {
            assertEquals(List.of(), split.warnIfGroupsShared(lists));
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void leakySplitWarnsWithGroups() throws IOException {
        write(
                "trainlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi 1\n"
                        + "Archery/v_Archery_g08_c01.avi 2\n");
        write(
                "testlist01.txt",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c02.avi\n"
                        + "Archery/v_Archery_g09_c01.avi\n");
        Split split = Split.read(lists, dataset).withGroups(Groups.ucf101());

        try (LogCapture log = new LogCapture(Split.class)) {
            assertEquals(List.of("g01"), split.warnIfGroupsShared(lists));
            List<String> warnings = log.warnings();
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("puts 1 group(s) on both"), warnings.get(0));
            assertTrue(warnings.get(0).contains("[g01]"), warnings.get(0));
            assertTrue(warnings.get(0).contains("inflated"), warnings.get(0));
            assertTrue(warnings.get(0).contains("actionrec split"), warnings.get(0));
        }
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(lists.resolve(name), text);
    }
}
