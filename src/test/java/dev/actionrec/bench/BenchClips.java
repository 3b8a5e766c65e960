package dev.actionrec.bench;

import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.LabelledClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Picks the video files of a labelled folder for the batch benchmarks. */
final class BenchClips {

    private BenchClips() {}

    /**
     * Returns {@code count} clips of a dataset folder (one subfolder per label), evenly spread
     * over the folder's sorted clip list so that the labels are mixed, or all clips when the
     * folder has no more than {@code count}.
     *
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if the folder has no clips or count is below 1
     */
    static List<Path> spread(Path folder, int count) throws IOException {
        List<Path> all = all(folder);
        if (count < 1) {
            throw new IllegalArgumentException("clip count must be at least 1, got " + count);
        }
        if (count >= all.size()) {
            return all;
        }
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(all.get((int) ((long) i * all.size() / count)));
        }
        return picked;
    }

    /**
     * Returns every clip of a dataset folder in the folder's sorted order.
     *
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if the folder has no clips
     */
    static List<Path> all(Path folder) throws IOException {
        List<Path> clips = ClipDataset.fromFolder(folder).clips().stream()
                .map(LabelledClip::path)
                .toList();
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no video clips found in " + folder);
        }
        return clips;
    }
}
