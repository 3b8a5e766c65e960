package dev.actionrec.data;

import static dev.actionrec.data.DatasetFolders.classFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipDatasetTest {

    @TempDir Path root;

    @Test
    void fromFolderReadsClassesAndVideos() throws IOException {
        classFolder(root, "walk", "w1.mp4", "w2.AVI", "w3.webm");
        classFolder(root, "run", "r1.MOV", "sub/r2.mkv");

        ClipDataset dataset = ClipDataset.fromFolder(root);

        assertEquals(List.of("run", "walk"), dataset.labels());
        assertEquals(5, dataset.clips().size());
        assertEquals(Map.of("run", 2, "walk", 3), dataset.countsPerClass());
        assertEquals(root.resolve("run/r1.MOV"), dataset.clips().get(0).path());
        assertEquals("run", dataset.clips().get(0).label());
        assertNull(dataset.clips().get(0).group());
        assertEquals(1, dataset.labelIndex("walk"));
        assertEquals(List.of(), dataset.skipped());
    }

    @Test
    void fromFolderSkipsOtherFilesAndHidden() throws IOException {
        classFolder(root, "walk", "w1.mp4", "notes.txt", ".hidden.mp4", "noext");
        classFolder(root, "run", "r1.mp4", ".cache/r9.mp4");
        Files.writeString(root.resolve("README.md"), "text");
        Files.writeString(root.resolve("loose.mp4"), "video");
        Files.createDirectories(root.resolve(".git"));

        ClipDataset dataset = ClipDataset.fromFolder(root);

        assertEquals(2, dataset.clips().size());
        List<Path> skipped = dataset.skipped().stream().map(SkippedFile::path).toList();
        assertEquals(
                List.of(
                        root.resolve("loose.mp4"),
                        root.resolve("walk/noext"),
                        root.resolve("walk/notes.txt")),
                skipped);
        assertEquals("video not inside a class folder, so it has no label",
                dataset.skipped().get(0).reason());
        assertEquals("not a video file extension", dataset.skipped().get(1).reason());
    }

    @Test
    void fromFolderStopsAtLinkCycle() throws IOException {
        Path walk = classFolder(root, "walk", "w1.mp4");
        classFolder(root, "run", "r1.mp4");
        Files.createSymbolicLink(walk.resolve("loop"), walk);

        ClipDataset dataset = ClipDataset.fromFolder(root);

        assertEquals(2, dataset.clips().size());
        assertEquals(
                List.of(walk.resolve("loop")),
                dataset.skipped().stream().map(SkippedFile::path).toList());
    }

    @Test
    void fromManifestSkipsByteOrderMark() throws IOException {
        classFolder(root, "clips", "a.mp4", "b.mp4");
        Path csv = root.resolve("manifest.csv");
        Files.writeString(csv, "\uFEFFpath,label\nclips/a.mp4,walk\nclips/b.mp4,run\n");

        ClipDataset dataset = ClipDataset.fromManifest(csv);

        assertEquals(List.of("run", "walk"), dataset.labels());
    }

    @Test
    void fromFolderDropsEmptyClass() throws IOException {
        classFolder(root, "walk", "w1.mp4");
        classFolder(root, "run", "r1.mp4");
        classFolder(root, "jump", "readme.txt");

        ClipDataset dataset = ClipDataset.fromFolder(root);

        assertEquals(List.of("run", "walk"), dataset.labels());
    }

    @Test
    void fromFolderRejectsSingleClass() throws IOException {
        classFolder(root, "walk", "w1.mp4", "w2.mp4");
        classFolder(root, "run");

        DatasetException e =
                assertThrows(DatasetException.class, () -> ClipDataset.fromFolder(root));
        assertTrue(e.getMessage().contains("at least two classes"), e.getMessage());
    }

    @Test
    void fromFolderRejectsBadRoot() throws IOException {
        Path file = Files.writeString(root.resolve("file.mp4"), "x");
        Path empty = Files.createDirectories(root.resolve("empty"));

        DatasetException missing =
                assertThrows(
                        DatasetException.class, () -> ClipDataset.fromFolder(root.resolve("nope")));
        DatasetException notFolder =
                assertThrows(DatasetException.class, () -> ClipDataset.fromFolder(file));
        DatasetException noClasses =
                assertThrows(DatasetException.class, () -> ClipDataset.fromFolder(empty));

        assertTrue(missing.getMessage().startsWith("dataset folder not found"));
        assertTrue(notFolder.getMessage().startsWith("dataset path is not a folder"));
        assertTrue(noClasses.getMessage().startsWith("no class folders"));
    }

    @Test
    void fromManifestResolvesRelativePathsAndGroups() throws IOException {
        classFolder(root, "clips", "a.mp4", "b.mp4", "c.mp4");
        Path csv = root.resolve("manifest.csv");
        Files.writeString(
                csv,
                "path,label,group\n"
                        + "clips/a.mp4,walk,s1\n"
                        + "clips/b.mp4,run,\n"
                        + "clips/c.mp4,run,s2\n"
                        + "clips/missing.mp4,run,s2\n"
                        + "clips/a.mp4,walk,s1\n");

        ClipDataset dataset = ClipDataset.fromManifest(csv);

        assertEquals(List.of("run", "walk"), dataset.labels());
        assertEquals(3, dataset.clips().size());
        LabelledClip walk = dataset.clips().get(2);
        assertEquals(root.resolve("clips/a.mp4"), walk.path());
        assertEquals("s1", walk.group());
        assertNull(dataset.clips().get(0).group());
        assertEquals(2, dataset.skipped().size());
        assertEquals("file not found", dataset.skipped().get(0).reason());
        assertEquals("listed twice in the manifest", dataset.skipped().get(1).reason());
    }

    @Test
    void fromManifestRejectsBadHeaderAndEmptyLabel() throws IOException {
        Path badHeader = Files.writeString(root.resolve("a.csv"), "file,class\nx.mp4,run\n");
        Path emptyLabel = Files.writeString(root.resolve("b.csv"), "path,label\nx.mp4,\n");

        DatasetException header =
                assertThrows(DatasetException.class, () -> ClipDataset.fromManifest(badHeader));
        DatasetException label =
                assertThrows(DatasetException.class, () -> ClipDataset.fromManifest(emptyLabel));

        assertTrue(header.getMessage().contains("expected the columns path,label"));
        assertTrue(label.getMessage().startsWith("data row 1 of manifest"), label.getMessage());
    }

    @Test
    void fromFolderWarnsAboutEmptyClass() throws IOException {
        classFolder(root, "walk", "w1.mp4");
        classFolder(root, "run", "r1.mp4");
        classFolder(root, "jump");

        try (LogCapture log = new LogCapture(FolderReader.class)) {
            ClipDataset.fromFolder(root);

            assertEquals(
                    List.of("Dropped class folder " + root.resolve("jump") + ": it has no video"
                            + " files"),
                    log.warnings());
        }
    }

    @Test
    void fromManifestRejectsSingleClass() throws IOException {
        classFolder(root, "clips", "a.mp4", "b.mp4");
        Path csv =
                Files.writeString(
                        root.resolve("one.csv"), "path,label\nclips/a.mp4,run\nclips/b.mp4,run\n");

        DatasetException e =
                assertThrows(DatasetException.class, () -> ClipDataset.fromManifest(csv));

        assertTrue(e.getMessage().contains("lists 1 class(es)"), e.getMessage());
        assertTrue(e.getMessage().contains("at least two classes"), e.getMessage());
    }

    @Test
    void fromManifestNamesLayoutProblem() throws IOException {
        Map<String, String> hints =
                Map.of(
                        "", "The file is empty",
                        "path;label\nx.mp4;run\n", "not semicolons or tabs",
                        "path\tlabel\nx.mp4\trun\n", "not semicolons or tabs",
                        "x.mp4,run\ny.mp4,walk\n", "looks like a data row",
                        "Path,Label\nx.mp4,run\n", "in lower case");

        for (Map.Entry<String, String> hint : hints.entrySet()) {
            Path csv = Files.writeString(root.resolve("manifest.csv"), hint.getKey());

            DatasetException e =
                    assertThrows(DatasetException.class, () -> ClipDataset.fromManifest(csv));

            assertTrue(e.getMessage().contains("expected the columns path,label"), e.getMessage());
            assertTrue(e.getMessage().contains(hint.getValue()), e.getMessage());
        }
    }

    @Test
    void videoExtensionsIgnoreCase() {
        assertTrue(VideoFiles.isVideo(Path.of("a.MP4")));
        assertTrue(VideoFiles.isVideo(Path.of("clip.3gp")));
        assertTrue(!VideoFiles.isVideo(Path.of("clip.mp4.txt")));
        assertTrue(!VideoFiles.isVideo(Path.of(".mp4")));
    }
}
