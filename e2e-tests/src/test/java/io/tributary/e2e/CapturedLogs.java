package io.tributary.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line this JVM writes while installed — the operator's, the sandbox's, Kafka clients' —
 * with its exception's stack trace, as the console would show it, for tests that look for things
 * that must never be logged.
 */
final class CapturedLogs extends AbstractAppender {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {
        super("captured-logs", null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLogs install() {
        CapturedLogs appender = new CapturedLogs();
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        return appender;
    }

    void uninstall() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder();
        line.append(event.getLoggerName())
                .append(' ')
                .append(event.getContextData().toMap())
                .append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
