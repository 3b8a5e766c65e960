package dev.actionrec.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/** Reads and formats split lists: one clip path per line. */
final class SplitLists {

    private static final Logger log = LoggerFactory.getLogger(SplitLists.class);
    private static final int MAX_LISTED = 5;

    private SplitLists() {}

    static String format(List<LabelledClip> clips) {
        StringBuilder text = new StringBuilder();
        for (LabelledClip clip : clips) {
            text.append(clip.path().toAbsolutePath().normalize()).append('\n');
        }
        return text.toString();
    }

    static Split read(Path dir, ClipDataset dataset) throws IOException {
        Map<Path, LabelledClip> byPath = new HashMap<>();
        for (LabelledClip clip : dataset.clips()) {
            byPath.put(clip.path().toAbsolutePath().normalize(), clip);
        }
        List<LabelledClip> train = readList(dir.resolve(Split.TRAIN_FILE), dataset.root(), byPath);
        List<LabelledClip> heldOut =
                readList(dir.resolve(Split.HELD_OUT_FILE), dataset.root(), byPath);
        requireDisjoint(dir, train, heldOut);

        int unlisted = dataset.clips().size() - train.size() - heldOut.size();
        if (unlisted > 0) {
            log.warn(
                    "{} clips of {} are in neither list in {}; they are left out",
                    unlisted,
                    dataset.root(),
                    dir);
        }
        return new Split(
                dataset.labels(), train, heldOut, OptionalLong.empty(), OptionalDouble.empty());
    }

    private static List<LabelledClip> readList(Path file, Path root, Map<Path, LabelledClip> byPath)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(
                    "split list not found: "
                            + file
                            + "; write the split first or pass the folder that has train.txt and"
                            + " test.txt");
        }
        List<LabelledClip> clips = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Path path = root.resolve(entry).toAbsolutePath().normalize();
            LabelledClip clip = byPath.get(path);
            if (clip == null) {
                unknown.add(entry);
            } else {
                clips.add(clip);
            }
        }
        if (!unknown.isEmpty()) {
            throw new DatasetException(
                    unknown.size()
                            + " paths in "
                            + file
                            + " are not clips of the dataset in "
                            + root
                            + ", for example "
                            + unknown.subList(0, Math.min(MAX_LISTED, unknown.size()))
                            + "; the dataset has changed, so write a new split");
        }
        return clips;
    }

    private static void requireDisjoint(
            Path dir, List<LabelledClip> train, List<LabelledClip> heldOut)
            throws DatasetException {
        Set<Path> trainPaths = new HashSet<>();
        for (LabelledClip clip : train) {
            trainPaths.add(clip.path());
        }
        List<Path> both =
                heldOut.stream()
                        .map(LabelledClip::path)
                        .filter(trainPaths::contains)
                        .limit(MAX_LISTED)
                        .toList();
        if (!both.isEmpty()) {
            throw new DatasetException(
                    "split lists in "
                            + dir
                            + " put the same clips on both"
                            + " sides, for example "
                            + both
                            + "; remove them from one list");
        }
    }
}
