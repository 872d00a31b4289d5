package io.pgjet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything PgJet logs through System.Logger (which goes to java.util.logging in tests)
 * at every level, for tests that check what the logs say or never say. Start it before the work,
 * close it after.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger pgjet = Logger.getLogger("io.pgjet"); // held: JUL keeps loggers weakly
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level previous;
    private final Handler handler;

    private LogCapture(Function<LogRecord, String> format) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(format.apply(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        previous = pgjet.getLevel();
        pgjet.setLevel(Level.ALL);
        pgjet.addHandler(handler);
    }

    /**
     * Starts capturing, each record rendered by {@code format}.
     *
     * @param format how a record becomes a captured line
     * @return the running capture
     */
    public static LogCapture start(Function<LogRecord, String> format) {
        return new LogCapture(format);
    }

    /** {@return the lines captured so far, in order} */
    public List<String> lines() {
        return lines;
    }

    /** Stops capturing and restores the logger's level. */
    @Override
    public void close() {
        pgjet.removeHandler(handler);
        pgjet.setLevel(previous);
    }
}
