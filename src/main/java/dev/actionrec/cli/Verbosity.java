package dev.actionrec.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level of actionrec and its libraries from the {@code -v} and {@code -q} flags. */
final class Verbosity {

    private Verbosity() {}

    /**
     * Applies a verbosity: below 0 logs warnings and errors only, 0 adds actionrec's progress
     * (INFO), 1 adds actionrec's internals (DEBUG), 2 or more adds the libraries' warnings, INFO
     * and DEBUG; below 2 the libraries log errors only.
     */
    static void apply(int verbosity) {
        Level own = Level.DEBUG;
        if (verbosity < 0) {
            own = Level.WARN;
        } else if (verbosity == 0) {
            own = Level.INFO;
        }
        Level libraries = verbosity >= 2 ? Level.DEBUG : Level.ERROR;
        logger("dev.actionrec").setLevel(own);
        logger("org.nd4j").setLevel(libraries);
        logger("org.deeplearning4j").setLevel(libraries);
        logger("org.bytedeco").setLevel(libraries);
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
