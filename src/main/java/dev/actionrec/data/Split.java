package dev.actionrec.data;

import dev.actionrec.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A division of clips into a training side and a held-out side (for validation or test).
 *
 * <p>Split lists are stored as two UTF-8 text files with one clip path per line: {@value
 * #TRAIN_FILE} and {@value #HELD_OUT_FILE}. Paths below the dataset root are written relative to it
 * with '/' separators, so the lists stay valid when the dataset moves; other paths are absolute.
 *
 * <p>{@link #read(Path, ClipDataset, int)} also reads UCF101's lists: {@value #CLASS_INDEX_FILE}
 * with {@code trainlist0N.txt} and {@code testlist0N.txt}.
 */
public final class Split {

    /** File name of the training list. */
    public static final String TRAIN_FILE = "train.txt";

    /** File name of the held-out list. */
    public static final String HELD_OUT_FILE = "test.txt";

    /** File name of UCF101's class index, whose presence marks a folder of UCF101 lists. */
    public static final String CLASS_INDEX_FILE = "classInd.txt";

    private static final Logger log = LoggerFactory.getLogger(Split.class);
    private static final int MAX_LOGGED_GROUPS = 5;

    private final Path root;
    private final List<String> labels;
    private final List<LabelledClip> train;
    private final List<LabelledClip> heldOut;
    private final OptionalLong seed;
    private final OptionalDouble targetFraction;

    /**
     * Creates a split.
     *
     * @param root the dataset root that lists are written relative to, or {@code null} to write
     *     absolute paths
     * @param labels the dataset's labels, used to count clips per class
     * @param seed the seed the split was drawn with, if it was drawn
     * @param targetFraction the held-out fraction that was requested, if any
     */
    public Split(
            Path root,
            List<String> labels,
            List<LabelledClip> train,
            List<LabelledClip> heldOut,
            OptionalLong seed,
            OptionalDouble targetFraction) {
        this.root = root;
        this.labels = List.copyOf(labels);
        this.train = List.copyOf(train);
        this.heldOut = List.copyOf(heldOut);
        this.seed = seed;
        this.targetFraction = targetFraction;
    }

    /**
     * Reads split lists written by {@link #write(Path)}, or UCF101's first split, and matches them
     * to the dataset's clips; the same as {@code read(dir, dataset, 1)}.
     *
     * @throws DatasetException if a list is missing or invalid, names a file that is not in the
     *     dataset, or a file is on both sides
     * @throws IOException if a list cannot be read
     */
    public static Split read(Path dir, ClipDataset dataset) throws IOException {
        return read(dir, dataset, 1);
    }

    /**
     * Reads split lists and matches them to the dataset's clips. Relative paths in the lists are
     * resolved against {@link ClipDataset#root()}.
     *
     * <p>A folder with {@value #TRAIN_FILE} is read as lists written by {@link #write(Path)}, where a
     * line may end in whitespace and a class number that is ignored. A folder without it but with
     * {@value #CLASS_INDEX_FILE} is read as UCF101's lists {@code trainlist0N.txt} and {@code
     * testlist0N.txt}, N being {@code splitIndex} written with two digits. There, each line's
     * class folder must be a class of {@value #CLASS_INDEX_FILE} and the dataset's label of the
     * file, and a class number on the line must be the index {@value #CLASS_INDEX_FILE} gives it.
     *
     * @param splitIndex the UCF101 split number, 1 or more; ignored for {@value #TRAIN_FILE}
     * @throws DatasetException if a list is missing or invalid, names a file that is not in the
     *     dataset, disagrees with {@value #CLASS_INDEX_FILE}, or a file is on both sides
     * @throws IllegalArgumentException if the folder has UCF101 lists and {@code splitIndex} is
     *     below 1
     * @throws IOException if a list cannot be read
     */
    public static Split read(Path dir, ClipDataset dataset, int splitIndex) throws IOException {
        return Ucf101Lists.isUcf101Layout(dir)
                ? Ucf101Lists.read(dir, dataset, splitIndex)
                : SplitLists.read(dir, dataset);
    }

    /**
     * Writes {@value #TRAIN_FILE} and {@value #HELD_OUT_FILE} into {@code dir}, each atomically,
     * creating the folder if needed.
     *
     * @throws IOException if a file cannot be written
     */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(TRAIN_FILE), SplitLists.format(train, root));
        AtomicFiles.writeString(dir.resolve(HELD_OUT_FILE), SplitLists.format(heldOut, root));
    }

    /** Returns the training clips. */
    public List<LabelledClip> train() {
        return train;
    }

    /** Returns the held-out clips. */
    public List<LabelledClip> heldOut() {
        return heldOut;
    }

    /** Returns the dataset's labels. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the seed the split was drawn with, or empty for a split read from lists. */
    public OptionalLong seed() {
        return seed;
    }

    /** Returns the requested held-out fraction, or empty for a split read from lists. */
    public OptionalDouble targetFraction() {
        return targetFraction;
    }

    /** Returns the share of clips that are held out, in [0, 1]. */
    public double heldOutFraction() {
        int total = train.size() + heldOut.size();
        return total == 0 ? 0 : heldOut.size() / (double) total;
    }

    /** Returns the number of distinct groups on the training side. */
    public int trainGroupCount() {
        return (int) train.stream().map(LabelledClip::groupKey).distinct().count();
    }

    /** Returns the number of distinct groups on the held-out side. */
    public int heldOutGroupCount() {
        return (int) heldOut.stream().map(LabelledClip::groupKey).distinct().count();
    }

    /** Returns the number of training clips per label, in label order. */
    public Map<String, Integer> trainCountsPerClass() {
        return ClipDataset.countPerClass(labels, train);
    }

    /** Returns the number of held-out clips per label, in label order. */
    public Map<String, Integer> heldOutCountsPerClass() {
        return ClipDataset.countPerClass(labels, heldOut);
    }

    /** Returns the groups found on both sides; empty for a sound split. */
    public List<String> sharedGroups() {
        return GroupSplitter.sharedGroups(train, heldOut);
    }

    /**
     * Returns a copy in which each clip that {@code groups} assigns gets that group; other clips
     * keep the group they had. Unlike {@link ClipDataset#withGroups(Groups)} it logs nothing.
     */
    public Split withGroups(Groups groups) {
        return new Split(
                root, labels, regroup(train, groups), regroup(heldOut, groups), seed,
                targetFraction);
    }

    private static List<LabelledClip> regroup(List<LabelledClip> clips, Groups groups) {
        return clips.stream()
                .map(clip -> clip.withGroup(groups.groupOf(clip).orElse(clip.group())))
                .toList();
    }

    /**
     * Logs a WARN when {@link #sharedGroups()} is not empty: clips of one group on both sides make
     * test accuracy too high.
     *
     * @param source the split folder or other name that the message gives for the lists
     * @return the shared groups, sorted; empty for a sound split
     */
    public List<String> warnIfGroupsShared(Object source) {
        List<String> shared = sharedGroups();
        if (!shared.isEmpty()) {
            log.warn(
                    "Split {} puts {} group(s) on both the training and the test side, for"
                            + " example {}{}. Clips of one group (one source video or actor) look"
                            + " alike, so test accuracy will be inflated. Write a group-disjoint"
                            + " split with 'actionrec split DATA --groups CSV --out DIR' (or"
                            + " --group-pattern REGEX) and pass that DIR to --split",
                    source,
                    shared.size(),
                    shared.subList(0, Math.min(MAX_LOGGED_GROUPS, shared.size())),
                    shared.size() > MAX_LOGGED_GROUPS ? " ..." : "");
        }
        return shared;
    }

    /** Returns a one-paragraph summary: seed, fractions, groups and clips per class per side. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (seed.isPresent()) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            "seed %d, target held-out fraction %.2f; ",
                            seed.getAsLong(),
                            targetFraction.orElse(Double.NaN)));
        }
        text.append(
                String.format(
                        Locale.ROOT,
                        "train %d clips in %d groups %s, held out %d clips in %d groups %s"
                                + " (held-out fraction %.3f)",
                        train.size(),
                        trainGroupCount(),
                        trainCountsPerClass(),
                        heldOut.size(),
                        heldOutGroupCount(),
                        heldOutCountsPerClass(),
                        heldOutFraction()));
        return text.toString();
    }

    @Override
    public String toString() {
        return "Split[" + describe() + "]";
    }
}
