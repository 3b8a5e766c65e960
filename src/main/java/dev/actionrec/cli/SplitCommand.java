package dev.actionrec.cli;

import dev.actionrec.data.ClipDataset;
import dev.actionrec.data.GroupSplitter;
import dev.actionrec.data.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actionrec split}: writes a reusable group-aware train/test split of a dataset. */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Split a dataset into train and test lists by group, so clips cut from one"
                + " source video never land on both sides.")
final class SplitCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "Folder for train.txt and test.txt (one video path per line).")
    Path out;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Target fraction of clips in the test list (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the group order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        ClipDataset data = dataset.load();
        Split split = new GroupSplitter(testFraction, seed).split(data);
        split.write(out);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote " + out.resolve(Split.TRAIN_FILE) + " and "
                + out.resolve(Split.HELD_OUT_FILE) + ": " + split.describe());
        Format.printSkipped(stdout, data.skipped());
        stdout.flush();
        return ExitCodes.OK;
    }
}
