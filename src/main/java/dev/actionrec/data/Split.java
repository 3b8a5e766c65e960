package dev.actionrec.data;

import dev.actionrec.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A division of clips into a training side and a held-out side (for validation or test).
 *
 * <p>Split lists are stored as two UTF-8 text files with one clip path per line: {@value
 * #TRAIN_FILE} and {@value #HELD_OUT_FILE}. Paths below the dataset root are written relative to it
 * with '/' separators, so the lists stay valid when the dataset moves; other paths are absolute.
 */
public final class Split {

    /** File name of the training list. */
    public static final String TRAIN_FILE = "train.txt";

    /** File name of the held-out list. */
    public static final String HELD_OUT_FILE = "test.txt";

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
     * Reads split lists written by {@link #write(Path)} and matches them to the dataset's clips.
     * Relative paths in the lists are resolved against {@link ClipDataset#root()}. A line may end
     * in whitespace and a class number, as in the UCF101 list files; the number is ignored.
     *
     * @throws DatasetException if a list is missing, names a file that is not in the dataset, or a
     *     file is on both sides
     * @throws IOException if a list cannot be read
     */
    public static Split read(Path dir, ClipDataset dataset) throws IOException {
        return SplitLists.read(dir, dataset);
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
