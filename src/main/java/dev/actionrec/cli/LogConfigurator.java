package dev.actionrec.cli;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback in code when the JVM starts: actionrec logs INFO, JavaCPP and JavaCV log
 * warnings, ND4J and DL4J log errors only, all to stderr so that stdout carries only results
 * (tables, JSON). {@link Verbosity} changes these levels for {@code -v} and {@code -q}.
 *
 * <p>Logback finds this class through {@code META-INF/services}. Building the configuration in
 * code skips the XML parser and Logback's Joran configurator, so a classify command loads about
 * 490 fewer classes (counted with {@code -Xlog:class+load}). A
 * {@code -Dlogback.configurationFile} option or a {@code logback-test.xml} on the class path
 * still takes precedence, because this configurator then leaves the work to Logback's own.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** Creates the configurator; Logback calls this through the service loader. */
    public LogConfigurator() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Adds the stderr appender to the root logger and sets the default levels. */
    static void apply(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %msg%n");
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.nd4j").setLevel(Level.ERROR);
        context.getLogger("org.deeplearning4j").setLevel(Level.ERROR);
        context.getLogger("org.bytedeco").setLevel(Level.WARN);
        context.getLogger("dev.actionrec").setLevel(Level.INFO);
    }
}
