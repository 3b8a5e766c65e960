package dev.actionrec.cli;

import dev.actionrec.data.DatasetException;
import dev.actionrec.features.WeightsException;
import dev.actionrec.model.ModelFileException;
import dev.actionrec.train.TrainingException;
import dev.actionrec.video.VideoDecodeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a subcommand into one error line on stderr and a distinct exit status;
 * the stack trace is printed only with {@code -v}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine,
            ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("actionrec: error: " + message(error));
        if (isVerbose(commandLine)) {
            error.printStackTrace(err);
        } else if (exitCode(error) == ExitCodes.INTERNAL_ERROR) {
            err.println("actionrec: run again with -v to see the stack trace");
        }
        err.flush();
        return exitCode(error);
    }

    static int exitCode(Throwable error) {
        if (error instanceof ModelFileException) {
            return ExitCodes.MODEL_FILE;
        }
        if (error instanceof WeightsException) {
            return ExitCodes.WEIGHTS;
        }
        if (error instanceof DatasetException) {
            return ExitCodes.DATASET;
        }
        if (error instanceof TrainingException) {
            return ExitCodes.TRAINING;
        }
        if (error instanceof VideoDecodeException video) {
            return ExitCodes.forVideo(video.reason());
        }
        if (error instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return exitCode(error) == ExitCodes.INTERNAL_ERROR
                ? error.getClass().getSimpleName() + ": " + message
                : message;
    }

    private static boolean isVerbose(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof ActionrecCommand command && command.verbose();
    }
}
