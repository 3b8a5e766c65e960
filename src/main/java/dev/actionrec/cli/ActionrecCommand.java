package dev.actionrec.cli;

import dev.actionrec.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code actionrec} command; the work happens in its subcommands. */
@Command(
        name = "actionrec",
        mixinStandardHelpOptions = true,
        versionProvider = ActionrecCommand.VersionProvider.class,
        description = "Recognise human actions in video: FFmpeg frame sampling, an ImageNet CNN"
                + " per frame and a temporal encoder over the frames.",
        subcommands = {
            TrainCommand.class,
            ClassifyCommand.class,
            EvaluateCommand.class,
            SplitCommand.class,
            FramesCommand.class,
            BackbonesCommand.class
        })
public final class ActionrecCommand implements Runnable {

    private int verbosity;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log more: -v adds debug output, -vv adds library logs.")
    void setVerbose(boolean[] flags) {
        verbosity = flags.length;
        Verbosity.apply(verbosity);
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Log warnings and errors only.")
    void setQuiet(boolean quiet) {
        if (quiet) {
            verbosity = -1;
            Verbosity.apply(verbosity);
        }
    }

    /** Returns whether {@code -v} was given, so errors print their stack trace. */
    boolean verbose() {
        return verbosity > 0;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version of actionrec and of its main libraries. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "actionrec " + Version.get(),
                "Deeplearning4j 1.0.0-M2.1, JavaCV 1.5.7 (FFmpeg 5.0), Java "
                        + System.getProperty("java.version")
            };
        }
    }
}
