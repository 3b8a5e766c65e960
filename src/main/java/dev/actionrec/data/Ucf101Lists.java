package dev.actionrec.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads split lists in the UCF101 layout: {@code classInd.txt} with lines {@code 1
 * ApplyEyeMakeup}, {@code trainlist0N.txt} with lines {@code ApplyEyeMakeup/v_..._g08_c01.avi 1}
 * and {@code testlist0N.txt} with lines {@code ApplyEyeMakeup/v_..._g01_c01.avi}.
 *
 * <p>A line's label is its class folder, the first part of its path. Where a line also has a class
 * number, it must be the index that {@code classInd.txt} gives that folder.
 */
final class Ucf101Lists {

    private static final int MAX_LISTED = 3;

    private final Path dir;
    private final Path root;
    private final Map<Path, LabelledClip> byPath;
    private final Map<String, Integer> classIndex;

    private Ucf101Lists(
            Path dir, Path root, Map<Path, LabelledClip> byPath, Map<String, Integer> classIndex) {
        this.dir = dir;
        this.root = root;
        this.byPath = byPath;
        this.classIndex = classIndex;
    }

    /** Returns true when {@code dir} has no {@code train.txt} but has {@code classInd.txt}. */
    static boolean isUcf101Layout(Path dir) {
        return !Files.exists(dir.resolve(Split.TRAIN_FILE))
                && Files.isRegularFile(dir.resolve(Split.CLASS_INDEX_FILE));
    }

    /** Returns the name of the training list of split {@code index}, such as trainlist01.txt. */
    static String trainListName(int index) {
        return String.format(Locale.ROOT, "trainlist%02d.txt", index);
    }

    /** Returns the name of the test list of split {@code index}, such as testlist01.txt. */
    static String testListName(int index) {
        return String.format(Locale.ROOT, "testlist%02d.txt", index);
    }

    static Split read(Path dir, ClipDataset dataset, int splitIndex) throws IOException {
        if (splitIndex < 1) {
            throw new IllegalArgumentException(
                    "--split-index must be 1 or more, got " + splitIndex);
        }
        Map<String, Integer> classIndex = readClassIndex(dir.resolve(Split.CLASS_INDEX_FILE));
        Ucf101Lists lists =
                new Ucf101Lists(dir, dataset.root(), SplitLists.byPath(dataset), classIndex);
        List<LabelledClip> train = lists.readList(trainListName(splitIndex));
        List<LabelledClip> heldOut = lists.readList(testListName(splitIndex));
        return SplitLists.assemble(dir, dataset, train, heldOut);
    }

    /** Reads lines {@code INDEX CLASS} into a map from class name to index. */
    private static Map<String, Integer> readClassIndex(Path file) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] fields = entry.split("\\s+");
            Integer number = fields.length == 2 ? parseNumber(fields[0]) : null;
            if (number == null) {
                throw new DatasetException(
                        "line "
                                + (i + 1)
                                + " of "
                                + file
                                + " is '"
                                + entry
                                + "'; expected a class number and a class name, as in"
                                + " '1 ApplyEyeMakeup'");
            }
            if (index.put(fields[1], number) != null) {
                throw new DatasetException(
                        "class " + fields[1] + " is listed twice in " + file + "; keep one line");
            }
        }
        return index;
    }

    private List<LabelledClip> readList(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(
                    "split list not found: "
                            + file
                            + "; pass the folder of UCF101's classInd.txt, trainlist0N.txt and"
                            + " testlist0N.txt, with --split-index N naming a list that exists");
        }
        List<LabelledClip> clips = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                clips.add(toClip(entry));
            } catch (DatasetException e) {
                problems.add("line " + (i + 1) + " '" + entry + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            List<String> examples = problems.subList(0, Math.min(MAX_LISTED, problems.size()));
            throw new DatasetException(
                    problems.size()
                            + " invalid line(s) in "
                            + file
                            + ", for example "
                            + String.join("; ", examples)
                            + ". Fix the list, or the dataset in "
                            + root
                            + " if its files have moved");
        }
        return clips;
    }

    /** Parses one list line and returns its clip; the message of the exception names the cause. */
    private LabelledClip toClip(String entry) throws DatasetException {
        String[] fields = entry.split("\\s+");
        String path = fields[0];
        int slash = path.indexOf('/');
        if (fields.length > 2 || slash <= 0) {
            throw new DatasetException("expected CLASS/FILE and an optional class number");
        }
        String label = path.substring(0, slash);
        Integer expected = classIndex.get(label);
        if (expected == null) {
            throw new DatasetException("class " + label + " is not in " + Split.CLASS_INDEX_FILE);
        }
        if (fields.length == 2) {
            Integer number = parseNumber(fields[1]);
            if (number == null || !number.equals(expected)) {
                throw new DatasetException(
                        "class number "
                                + fields[1]
                                + " disagrees with "
                                + Split.CLASS_INDEX_FILE
                                + ", which gives "
                                + label
                                + " the number "
                                + expected);
            }
        }
        LabelledClip clip = byPath.get(root.resolve(path).toAbsolutePath().normalize());
        if (clip == null) {
            throw new DatasetException(
                    "file not found in the dataset (missing, or skipped when it was read)");
        }
        if (!clip.label().equals(label)) {
            throw new DatasetException(
                    "the dataset labels this file " + clip.label() + ", not " + label);
        }
        return clip;
    }

    private static Integer parseNumber(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
