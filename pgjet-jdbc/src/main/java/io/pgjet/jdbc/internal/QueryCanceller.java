package io.pgjet.jdbc.internal;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cancels the statement a JDBC connection is running, for {@code Statement.cancel()} and
 * {@code setQueryTimeout}: a short-lived second session runs {@code pg_cancel_backend} for the
 * connection's backend, so the executing thread (platform or virtual) is never interrupted and the
 * connection stays usable. A cancel is only sent while a statement runs, and the statement's end
 * waits for a cancel in progress, so a late cancel can never hit the next statement.
 */
final class QueryCanceller {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pgjet-jdbc-query-timeout");
        t.setDaemon(true);
        return t;
    });

    private final ConnectionConfig config;
    private final int backendPid;
    private final String backendStart;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean running;
    private boolean timedOut;

    /**
     * @param backendStart the text of the backend's {@code pg_stat_activity.backend_start}, needed
     *     (and only fetched) when the configuration lists several hosts, else null
     */
    QueryCanceller(ConnectionConfig config, int backendPid, String backendStart) {
        this.config = config;
        this.backendPid = backendPid;
        this.backendStart = backendStart;
    }

    /** Marks a statement as started, with a timeout in seconds (0: none); returns the timer to pass to {@link #end}. */
    ScheduledFuture<?> begin(int timeoutSeconds) {
        lock.lock();
        try {
            running = true;
            timedOut = false;
        } finally {
            lock.unlock();
        }
        return timeoutSeconds <= 0 ? null : TIMER.schedule(this::timeout, timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Marks the statement as finished (waiting for a cancel being sent) and returns whether its timeout fired. */
    boolean end(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
        lock.lock();
        try {
            running = false;
            return timedOut;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the running statement, if there is one; blocks while the cancel is sent. */
    void cancel() throws SQLException {
        lock.lock();
        try {
            if (running) {
                sendCancel();
            }
        } finally {
            lock.unlock();
        }
    }

    private void timeout() {
        lock.lock();
        try {
            if (running) {
                timedOut = true;
                sendCancel();
            }
        } catch (SQLException e) {
            // Nothing to report to: the statement simply runs on; its caller still gets its result.
        } finally {
            lock.unlock();
        }
    }

    private void sendCancel() throws SQLException {
        java.time.Duration limit = java.time.Duration.ofSeconds(10);
        if (backendStart == null) {
            try (Connection side = PgJet.connect(config.toBuilder().commandTimeout(limit).build())) {
                side.fetchVal("select pg_cancel_backend($1)", backendPid);
            } catch (PgJetException e) {
                throw SqlErrors.of(e);
            }
            return;
        }
        // Several hosts: a backend id is only unique per server, so each host is asked in turn and
        // only the backend that started when ours did is cancelled.
        SQLException last = null;
        for (io.pgjet.PgHost host : config.hosts()) {
            try (Connection side = PgJet.connect(config.toBuilder().hosts(java.util.List.of(host))
                    .targetSessionAttrs(io.pgjet.TargetSessionAttrs.ANY).commandTimeout(limit).build())) {
                Boolean done = side.fetchVal("select pg_cancel_backend(pid) from pg_stat_activity"
                        + " where pid = $1 and backend_start::text = $2", backendPid, backendStart);
                if (Boolean.TRUE.equals(done)) {
                    return;
                }
            } catch (PgJetException e) {
                last = SqlErrors.of(e);
            }
        }
        if (last != null) {
            throw last;
        }
    }
}
