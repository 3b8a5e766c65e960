package dev.actionrec.cli;

import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.Groups;
import dev.actionrec.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The dataset argument and its grouping options, shared by train, evaluate and split. */
final class DatasetOptions {

    @Parameters(index = "0", paramLabel = "DATA",
            description = "A folder with one sub-folder of videos per class (the folder name is"
                    + " the label), or a CSV manifest with columns path,label[,group].")
    Path data;

    @Option(names = "--groups", paramLabel = "CSV",
            description = "CSV mapping clips to the source video they were cut from (columns"
                    + " path and source_group or group); clips of one group stay on one side of"
                    + " every split.")
    Path groupsCsv;

    @Option(names = "--group-pattern", paramLabel = "REGEX",
            description = "Regular expression with one capture group that takes the group from"
                    + " the file name (default: UCF101's _gNN_, as ${DEFAULT-VALUE}).",
            defaultValue = Groups.UCF101_PATTERN)
    String groupPattern;

    @Option(names = "--split-index", paramLabel = "N", defaultValue = "1",
            description = "With --split on a folder of UCF101 lists (classInd.txt,"
                    + " trainlist0N.txt, testlist0N.txt): the split number N (default:"
                    + " ${DEFAULT-VALUE}).")
    int splitIndex;

    private Groups groups;

    /**
     * Reads the dataset and attaches groups: the CSV first, then the file-name pattern; a clip
     * with neither is its own group.
     */
    ClipDataset load() throws IOException {
        return withGroups(read());
    }

    /** Reads the dataset with only the groups of a manifest's group column, for evaluation. */
    ClipDataset loadForEvaluation() throws IOException {
        return groupsCsv == null ? read() : withGroups(read());
    }

    /**
     * Reads the split lists in {@code dir} ({@code train.txt}/{@code test.txt}, or UCF101's lists
     * of split {@code --split-index}) and logs a WARN if they put one group on both sides, with
     * groups from the CSV, the file-name pattern or the manifest's group column.
     */
    Split readSplit(Path dir, ClipDataset data) throws IOException {
        Split split = Split.read(dir, data, splitIndex);
        split.withGroups(groups()).warnIfGroupsShared(dir);
        return split;
    }

    private ClipDataset read() throws IOException {
        return Files.isRegularFile(data) && data.toString().endsWith(".csv")
                ? ClipDataset.fromManifest(data)
                : ClipDataset.fromFolder(data);
    }

    private ClipDataset withGroups(ClipDataset dataset) throws IOException {
        return dataset.withGroups(groups());
    }

    /** Returns the groups of the CSV, then the file-name pattern; the CSV is read only once. */
    private Groups groups() throws IOException {
        if (groups == null) {
            groups = Groups.fromPattern(groupPattern);
            if (groupsCsv != null) {
                groups = Groups.fromCsv(groupsCsv).orElse(groups);
            }
        }
        return groups;
    }
}
