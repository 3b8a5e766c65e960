package dev.actionrec.cli;

import picocli.CommandLine;

/** Entry point of the {@code actionrec} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in this process and returns its exit status. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** Returns the configured picocli command line, for tests that capture its output. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new ActionrecCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
