package dev.actionrec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The Logback configuration built in code, on a context of its own. */
class LogConfiguratorTest {

    @Test
    void applySetsLevels() {
        LoggerContext context = new LoggerContext();

        LogConfigurator.apply(context);

        assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.INFO, context.getLogger("dev.actionrec").getLevel());
        assertEquals(Level.ERROR, context.getLogger("org.nd4j").getLevel());
        assertEquals(Level.ERROR, context.getLogger("org.deeplearning4j").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.bytedeco").getLevel());
    }

    @Test
    void applyLogsToStderr() {
        LoggerContext context = new LoggerContext();

        LogConfigurator.apply(context);

        Appender<?> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, appender);
        assertEquals("System.err", console.getTarget());
    }

    @Test
    void defersToLogbackTestXml() {
        // The test class path contains logback-test.xml, which must win over the built-in setup.
        LoggerContext context = new LoggerContext();
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
    }
}
