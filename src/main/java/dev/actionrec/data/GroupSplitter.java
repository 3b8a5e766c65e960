package dev.actionrec.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits clips into training and held-out sides by group, so that no group is on both sides.
 *
 * <p>Groups are visited in an order shuffled with the seed. Each goes to the held-out side when
 * that lowers the distance from target, the sum over classes of |held-out count / class count -
 * fraction|. Afterwards, a class missing from one side gets the group that costs least to move, if
 * it has another group. A group with clips of several classes goes to one side as a whole, so the
 * class shares are approximate. The same clips, fraction and seed always give the same split.
 */
public final class GroupSplitter {

    /** Seed used when none is given, so runs are reproducible by default. */
    public static final long DEFAULT_SEED = 42L;

    private static final Logger log = LoggerFactory.getLogger(GroupSplitter.class);

    private final double heldOutFraction;
    private final long seed;

    /**
     * Creates a splitter.
     *
     * @param heldOutFraction target share of clips held out, in (0, 1)
     * @param seed seed of the group order
     * @throws IllegalArgumentException if the fraction is outside (0, 1)
     */
    public GroupSplitter(double heldOutFraction, long seed) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException(
                    "--val-fraction must be between 0 and 1 (exclusive),"
                            + " got "
                            + heldOutFraction);
        }
        this.heldOutFraction = heldOutFraction;
        this.seed = seed;
    }

    /**
     * Splits a dataset's clips.
     *
     * @throws DatasetException if the clips form fewer than two groups
     */
    public Split split(ClipDataset dataset) throws DatasetException {
        return split(dataset.root(), dataset.labels(), dataset.clips());
    }

    /**
     * Splits clips whose labels are all in {@code labels}. With no dataset root known, the split
     * writes absolute paths to its lists.
     *
     * @throws DatasetException if the clips form fewer than two groups
     * @throws IllegalArgumentException if a clip's label is not in {@code labels}
     */
    public Split split(List<String> labels, List<LabelledClip> clips) throws DatasetException {
        return split(null, labels, clips);
    }

    private Split split(Path root, List<String> labels, List<LabelledClip> clips)
            throws DatasetException {
        Map<String, List<LabelledClip>> byGroup = new TreeMap<>();
        for (LabelledClip clip : clips) {
            byGroup.computeIfAbsent(clip.groupKey(), key -> new ArrayList<>()).add(clip);
        }
        if (byGroup.size() < 2) {
            throw new DatasetException(
                    "cannot split "
                            + clips.size()
                            + " clips in "
                            + byGroup.size()
                            + " group(s) into train and held-out sides; add clips from"
                            + " other groups or pass a separate test set");
        }
        List<String> order = new ArrayList<>(byGroup.keySet());
        Collections.shuffle(order, new Random(seed));

        SplitBalance balance = new SplitBalance(labels, byGroup, heldOutFraction);
        for (String group : order) {
            if (balance.costIfMoved(group) < balance.cost()) {
                balance.move(group);
            }
        }
        balance.repair(order);
        return toSplit(root, labels, byGroup, balance);
    }

    /**
     * Returns the groups (as {@link LabelledClip#groupKey()}) that have clips in both lists,
     * sorted; empty when the lists are safe to use as train and test sets.
     */
    public static List<String> sharedGroups(List<LabelledClip> first, List<LabelledClip> second) {
        Set<String> firstGroups = new HashSet<>();
        for (LabelledClip clip : first) {
            firstGroups.add(clip.groupKey());
        }
        Set<String> shared = new TreeSet<>();
        for (LabelledClip clip : second) {
            if (firstGroups.contains(clip.groupKey())) {
                shared.add(clip.groupKey());
            }
        }
        return List.copyOf(shared);
    }

    private Split toSplit(
            Path root,
            List<String> labels,
            Map<String, List<LabelledClip>> byGroup,
            SplitBalance balance) {
        List<LabelledClip> train = new ArrayList<>();
        List<LabelledClip> heldOut = new ArrayList<>();
        for (Map.Entry<String, List<LabelledClip>> entry : byGroup.entrySet()) {
            (balance.isHeldOut(entry.getKey()) ? heldOut : train).addAll(entry.getValue());
        }
        Split split =
                new Split(
                        root,
                        labels,
                        train,
                        heldOut,
                        OptionalLong.of(seed),
                        OptionalDouble.of(heldOutFraction));
        warnMissingClasses(split);
        log.info("Split by group: {}", split.describe());
        return split;
    }

    private static void warnMissingClasses(Split split) {
        for (String label : split.labels()) {
            int inTrain = split.trainCountsPerClass().get(label);
            int inHeldOut = split.heldOutCountsPerClass().get(label);
            if (inTrain + inHeldOut > 0 && (inTrain == 0 || inHeldOut == 0)) {
                log.warn(
                        "Class {} is only on the {} side: all its clips are in one group, or in"
                            + " groups that other classes need; add clips of it from other groups",
                        label,
                        inTrain == 0 ? "held-out" : "training");
            }
        }
    }
}
