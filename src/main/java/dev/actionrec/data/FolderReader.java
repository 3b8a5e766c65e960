package dev.actionrec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a dataset laid out as one sub-folder of videos per class. */
final class FolderReader {

    private static final Logger log = LoggerFactory.getLogger(FolderReader.class);

    private final List<LabelledClip> clips = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();

    private FolderReader() {}

    static ClipDataset read(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new DatasetException(
                    "dataset folder not found: "
                            + root
                            + "; pass a folder with one sub-folder of videos per class");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(
                    "dataset path is not a folder: "
                            + root
                            + "; pass a folder with one sub-folder of videos per class, or use a"
                            + " CSV manifest");
        }

        FolderReader reader = new FolderReader();
        List<Path> classFolders = reader.listClassFolders(root);
        if (classFolders.isEmpty()) {
            throw new DatasetException(
                    "no class folders in "
                            + root
                            + "; put the videos of each class in a sub-folder named after the"
                            + " class");
        }
        int classesWithVideos = 0;
        for (Path folder : classFolders) {
            classesWithVideos += reader.readClassFolder(folder) ? 1 : 0;
        }
        if (classesWithVideos < 2) {
            throw new DatasetException(
                    "found "
                            + classesWithVideos
                            + " class folder(s) with videos in "
                            + root
                            + "; training needs at least two classes, each in its own sub-folder");
        }
        ClipDataset dataset = ClipDataset.of(root, reader.clips, reader.skipped);
        log.info(
                "Read {} clips in {} classes from {} ({} files skipped)",
                dataset.clips().size(),
                dataset.labels().size(),
                root,
                reader.skipped.size());
        return dataset;
    }

    private List<Path> listClassFolders(Path root) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path entry : sortedEntries(root)) {
            if (VideoFiles.isHidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (VideoFiles.isVideo(entry)) {
                skip(entry, "video not inside a class folder, so it has no label");
            } else {
                log.debug("Ignoring {}: not a video and not a class folder", entry);
            }
        }
        return folders;
    }

    /** Adds the videos of one class folder; returns false (with a WARN) if it has none. */
    private boolean readClassFolder(Path folder) throws IOException {
        String label = folder.getFileName().toString();
        List<Path> videos = new ArrayList<>();
        collectVideos(folder, videos, new HashSet<>());
        if (videos.isEmpty()) {
            log.warn("Dropped class folder {}: it has no video files", folder);
            return false;
        }
        for (Path video : videos) {
            clips.add(new LabelledClip(video, label));
        }
        return true;
    }

    /** Adds video files below {@code folder}; {@code visited} stops symbolic link cycles. */
    private void collectVideos(Path folder, List<Path> videos, Set<Path> visited)
            throws IOException {
        if (!visited.add(folder.toRealPath())) {
            skip(folder, "a link to a folder that was already read");
            return;
        }
        for (Path entry : sortedEntries(folder)) {
            if (VideoFiles.isHidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                collectVideos(entry, videos, visited);
            } else if (!Files.isRegularFile(entry)) {
                skip(entry, "not a regular file");
            } else if (VideoFiles.isVideo(entry)) {
                videos.add(entry);
            } else {
                skip(entry, "not a video file extension");
            }
        }
    }

    private void skip(Path file, String reason) {
        log.warn("Skipped {}: {}", file, reason);
        skipped.add(new SkippedFile(file, reason));
    }

    private static List<Path> sortedEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }
}
