package dev.actionrec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list of labelled video clips with the sorted list of their class labels.
 *
 * <p>Clips are ordered by label, then by path, so the same files always give the same order. Label
 * indices (as used by models and reports) are positions in {@link #labels()}.
 */
public final class ClipDataset {

    private static final Logger log = LoggerFactory.getLogger(ClipDataset.class);
    private static final int MAX_LOGGED_NAMES = 5;

    private final Path root;
    private final List<String> labels;
    private final List<LabelledClip> clips;
    private final List<SkippedFile> skipped;

    private ClipDataset(Path root, List<LabelledClip> clips, List<SkippedFile> skipped) {
        this.root = root;
        List<LabelledClip> sorted = new ArrayList<>(clips);
        sorted.sort(
                Comparator.comparing(LabelledClip::label)
                        .thenComparing(clip -> clip.path().toString()));
        this.clips = Collections.unmodifiableList(sorted);
        TreeSet<String> names = new TreeSet<>();
        for (LabelledClip clip : clips) {
            names.add(clip.label());
        }
        this.labels = List.copyOf(names);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Creates a dataset from clips already listed, with labels taken from the clips.
     *
     * @param root the folder that relative paths in split lists are resolved against
     */
    public static ClipDataset of(Path root, List<LabelledClip> clips, List<SkippedFile> skipped) {
        return new ClipDataset(Objects.requireNonNull(root, "root"), clips, skipped);
    }

    /**
     * Reads a dataset laid out as one sub-folder per class, the folder name being the label.
     *
     * <p>Video files are found by extension ({@link VideoFiles#EXTENSIONS}) anywhere below a class
     * folder. Hidden files and folders are ignored. Other files are skipped with a WARN and listed
     * in {@link #skipped()}. A class folder with no video is dropped with a WARN.
     *
     * @throws DatasetException if the root is missing or not a folder, or fewer than two classes
     *     with videos remain
     * @throws IOException if a folder cannot be listed
     */
    public static ClipDataset fromFolder(Path root) throws IOException {
        return FolderReader.read(root);
    }

    /**
     * Reads a CSV manifest with the header {@code path,label} or {@code path,label,group}.
     *
     * <p>Relative paths are resolved against the manifest's folder. Listed files that do not exist
     * or appear twice are skipped with a WARN and listed in {@link #skipped()}.
     *
     * @throws DatasetException if the manifest is missing, has no {@code path} or {@code label}
     *     column, has a row with an empty path or label, or lists fewer than two classes
     * @throws IOException if the manifest cannot be read
     */
    public static ClipDataset fromManifest(Path csv) throws IOException {
        return ManifestReader.read(csv);
    }

    /**
     * Returns a copy in which each clip that {@code groups} knows gets that group; other clips keep
     * the group they had. Clips left with no group are logged in one WARN; each of them is its own
     * group in splits.
     */
    public ClipDataset withGroups(Groups groups) {
        List<LabelledClip> grouped = new ArrayList<>(clips.size());
        for (LabelledClip clip : clips) {
            String group = groups.groupOf(clip).orElse(clip.group());
            grouped.add(clip.withGroup(group));
        }
        ClipDataset result = new ClipDataset(root, grouped, skipped);
        result.warnUngrouped(groups);
        return result;
    }

    /** Returns the folder that relative paths are resolved against. */
    public Path root() {
        return root;
    }

    /** Returns the clips, ordered by label then path. */
    public List<LabelledClip> clips() {
        return clips;
    }

    /** Returns the class labels in sorted order; a label's index is its position here. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the files that were found but left out, with the reason. */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** Returns the index of a label in {@link #labels()}, or -1 if it is not one of them. */
    public int labelIndex(String label) {
        return labels.indexOf(label);
    }

    /** Returns the number of clips per label, in label order. */
    public Map<String, Integer> countsPerClass() {
        return countPerClass(labels, clips);
    }

    /** Returns the clips that have no group and so form groups of one. */
    public List<LabelledClip> ungroupedClips() {
        return clips.stream().filter(clip -> clip.group() == null).toList();
    }

    /** Returns the number of distinct groups, counting each ungrouped clip as one. */
    public int groupCount() {
        return (int) clips.stream().map(LabelledClip::groupKey).distinct().count();
    }

    /** Counts clips per label, listing every given label (with 0 if absent), in that order. */
    static Map<String, Integer> countPerClass(List<String> labels, List<LabelledClip> clips) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.put(label, 0);
        }
        for (LabelledClip clip : clips) {
            counts.merge(clip.label(), 1, Integer::sum);
        }
        return counts;
    }

    private void warnUngrouped(Groups groups) {
        List<LabelledClip> ungrouped = ungroupedClips();
        if (ungrouped.isEmpty()) {
            return;
        }
        List<String> names =
                ungrouped.stream()
                        .limit(MAX_LOGGED_NAMES)
                        .map(clip -> clip.path().getFileName().toString())
                        .toList();
        log.warn(
                "{} of {} clips have no group in {}, so each is its own group: {}{}",
                ungrouped.size(),
                clips.size(),
                groups,
                names,
                ungrouped.size() > MAX_LOGGED_NAMES ? " ..." : "");
    }

    @Override
    public String toString() {
        return "ClipDataset[" + root + ", " + clips.size() + " clips, labels " + labels + "]";
    }
}
