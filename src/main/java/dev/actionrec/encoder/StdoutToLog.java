package dev.actionrec.encoder;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code System.out} to the DEBUG log while an action runs. ND4J's SameDiff 1.0.0-M2.1
 * prints one line per differentiated op to stdout when a SameDiff layer first computes gradients
 * (in {@code SameDiff.createGradFunction}), which would corrupt results written to stdout.
 */
final class StdoutToLog {

    private static final Logger LOG = LoggerFactory.getLogger(StdoutToLog.class);

    private StdoutToLog() {}

    /**
     * Runs {@code action} with {@code System.out} redirected, then restores it.
     *
     * <p>NOTE: the redirect is process-wide, so another thread printing results to stdout at the
     * same time would have them logged instead; callers print results outside training.
     */
    static synchronized <T> T call(Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new LineLogger(), true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
    }

    /** Output stream that logs each complete line at DEBUG. */
    private static final class LineLogger extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                flush();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            if (line.size() > 0) {
                LOG.debug("stdout: {}", line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
