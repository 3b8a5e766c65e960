package dev.actionrec.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One video file with its action label and, when known, the group it belongs to.
 *
 * <p>A group is the source that several clips were cut from (a long video, an actor, a recording
 * session). Clips of one group look alike, so a split must keep each group on one side.
 *
 * @param path the video file
 * @param label the action class name
 * @param group the group name, or {@code null} when unknown, in which case the clip is its own
 *     group
 */
public record LabelledClip(Path path, String label, String group) {

    public LabelledClip {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        if (group != null && group.isBlank()) {
            group = null;
        }
    }

    /** Creates a clip with no group. */
    public LabelledClip(Path path, String label) {
        this(path, label, null);
    }

    /** Returns a copy of this clip in the given group ({@code null} for none). */
    public LabelledClip withGroup(String newGroup) {
        return new LabelledClip(path, label, newGroup);
    }

    /**
     * Returns the key that splits use to keep clips together: the group name, or for a clip with no
     * group a key made from its path, so that it forms a group of its own.
     */
    public String groupKey() {
        return group != null ? group : "clip:" + path;
    }
}
