package app.hindsight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a test provokes on purpose (a failed delivery, a refused seed file, a lost race) instead of
 * printing it among the build's output, so a warning in {@code mvn verify} means something; the test can then
 * assert that the log said what it should. Close it to print again.
 */
public final class ExpectedLogs implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] params = record.getParameters();
            if (params != null && params.length > 0 && message != null) {
                // JBoss Logging records use printf-style (logf) or {0} (MessageFormat) parameters.
                try {
                    message = message.contains("%")
                            ? String.format(message, params)
                            : java.text.MessageFormat.format(message, params);
                } catch (RuntimeException e) {
                    // keep the raw message
                }
            }
            messages.add(record.getLevel() + " " + message);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private ExpectedLogs(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.addHandler(handler);
            logger.setUseParentHandlers(false);
            loggers.add(logger);
        }
    }

    /** From now until {@link #close()}, these categories (and their children) log here only. */
    public static ExpectedLogs capture(String... categories) {
        return new ExpectedLogs(categories);
    }

    public static ExpectedLogs capture(Class<?>... types) {
        return new ExpectedLogs(
                java.util.Arrays.stream(types).map(Class::getName).toArray(String[]::new));
    }

    /** Each record as "LEVEL message". */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
    }
}
