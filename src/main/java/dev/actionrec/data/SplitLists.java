package dev.actionrec.data;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and formats split lists: one clip path per line. */
final class SplitLists {

    private static final Logger log = LoggerFactory.getLogger(SplitLists.class);
    private static final int MAX_LISTED = 5;
    private static final Pattern TRAILING_CLASS_NUMBER = Pattern.compile("(.*\\S)\\s+\\d+");

    private SplitLists() {}

    /** Formats paths relative to {@code root} where they are below it, else absolute. */
    static String format(List<LabelledClip> clips, Path root) {
        Path base = root == null ? null : root.toAbsolutePath().normalize();
        StringBuilder text = new StringBuilder();
        for (LabelledClip clip : clips) {
            Path path = clip.path().toAbsolutePath().normalize();
            if (base != null && path.startsWith(base)) {
                text.append(toSlashes(base.relativize(path)));
            } else {
                text.append(path);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String toSlashes(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path part : relative) {
            if (text.length() > 0) {
                text.append('/');
            }
            text.append(part);
        }
        return text.toString();
    }

    static Split read(Path dir, ClipDataset dataset) throws IOException {
        Map<Path, LabelledClip> byPath = byPath(dataset);
        List<LabelledClip> train = readList(dir.resolve(Split.TRAIN_FILE), dataset.root(), byPath);
        List<LabelledClip> heldOut =
                readList(dir.resolve(Split.HELD_OUT_FILE), dataset.root(), byPath);
        return assemble(dir, dataset, train, heldOut);
    }

    /** Maps each clip's absolute, normalised path to the clip. */
    static Map<Path, LabelledClip> byPath(ClipDataset dataset) {
        Map<Path, LabelledClip> byPath = new HashMap<>();
        for (LabelledClip clip : dataset.clips()) {
            byPath.put(clip.path().toAbsolutePath().normalize(), clip);
        }
        return byPath;
    }

    /**
     * Builds the split of two lists read from {@code dir}, warning about dataset clips in neither.
     *
     * @throws DatasetException if a clip is in both lists
     */
    static Split assemble(
            Path dir, ClipDataset dataset, List<LabelledClip> train, List<LabelledClip> heldOut)
            throws DatasetException {
        requireDisjoint(dir, train, heldOut);
        int unlisted = dataset.clips().size() - train.size() - heldOut.size();
        if (unlisted > 0) {
            log.warn(
                    "{} clips of {} are in neither list in {}; they are left out",
                    unlisted,
                    dataset.root(),
                    dir);
        }
        Split split =
                new Split(
                        dataset.root(),
                        dataset.labels(),
                        train,
                        heldOut,
                        OptionalLong.empty(),
                        OptionalDouble.empty());
        warnMissingClasses(dir, split);
        return split;
    }

    /** Logs one WARN per class of the dataset that has no clip in one of the lists. */
    private static void warnMissingClasses(Path dir, Split split) {
        for (String label : split.labels()) {
            if (split.trainCountsPerClass().get(label) == 0) {
                log.warn(
                        "Class {} has no clips in the training list in {}, so the model cannot"
                                + " learn it; add clips of it to that list",
                        label,
                        dir);
            } else if (split.heldOutCountsPerClass().get(label) == 0) {
                log.warn(
                        "Class {} has no clips in the test list in {}, so its accuracy is not"
                                + " measured; add clips of it to that list",
                        label,
                        dir);
            }
        }
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
            LabelledClip clip = lookUp(entry, root, byPath);
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

    /** Finds the clip of a list entry, trying it whole and then without a trailing class number. */
    private static LabelledClip lookUp(String entry, Path root, Map<Path, LabelledClip> byPath) {
        LabelledClip clip = byPath.get(root.resolve(entry).toAbsolutePath().normalize());
        Matcher numbered = TRAILING_CLASS_NUMBER.matcher(entry);
        if (clip == null && numbered.matches()) {
            clip = byPath.get(root.resolve(numbered.group(1)).toAbsolutePath().normalize());
        }
        return clip;
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
