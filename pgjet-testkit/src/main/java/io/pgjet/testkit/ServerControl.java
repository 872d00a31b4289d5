package io.pgjet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the PostgreSQL programs on a data directory — {@code initdb}, {@code postgres --single},
 * {@code pg_ctl start/stop} — as the server's OS user, with bounded waits. Stateless and
 * thread-safe; callers serialise operations on one data directory.
 */
final class ServerControl {
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private ServerControl() {
    }

    /**
     * Creates a cluster in {@code dir.dataDirectory()} with {@code superuser}, UTF8 and the C
     * locale, without fsync.
     *
     * @throws PgClusterException with initdb's output when it fails
     */
    static void initdb(PgBinaries bin, OsUser os, ClusterWorkDir dir, String superuser) {
        CommandRunner.runOrFail("initdb", os.wrap(List.of(bin.initdb().toString(),
                "-D", dir.dataDirectory().toString(), "-U", superuser, "-E", "UTF8", "--locale=C",
                "--auth=trust", "--no-sync")), dir.root(), null, INITDB_TIMEOUT);
    }

    /**
     * Runs {@code statements} (one per line, no newlines inside) in single-user mode against
     * the stopped cluster, stopping at the first error.
     *
     * @throws PgClusterException with the server's output when a statement fails
     */
    static void runSingleUser(PgBinaries bin, OsUser os, ClusterWorkDir dir, List<String> statements) {
        Path sql = dir.root().resolve("setup.sql");
        try {
            Files.write(sql, statements, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(bin.postgres().toString(), "--single",
                    "-D", dir.dataDirectory().toString(), "-c", "exit_on_error=on", "-c", "log_min_messages=warning",
                    "postgres"));
            CommandRunner.Result r = CommandRunner.run(os.wrap(cmd), dir.root(), sql, INITDB_TIMEOUT);
            if (!r.ok() || r.output().contains("ERROR:")) {
                // Passwords are in the SQL, so report the statement count, never the text.
                throw new PgClusterException("Setting up users in single-user mode failed (exit " + r.exitCode()
                        + ", " + statements.size() + " statements):\n" + redact(r.output()));
            }
        } catch (IOException e) {
            throw new PgClusterException("Cannot write " + sql + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(sql);
            } catch (IOException ignored) {
                // Deleted with the work directory anyway.
            }
        }
    }

    private static String redact(String output) {
        return output.replaceAll("PASSWORD '(?:[^']|'')*'", "PASSWORD '***'");
    }

    /**
     * Starts the server with {@code pg_ctl -w} and returns the postmaster pid once it accepts
     * connections.
     *
     * @throws PgClusterException when it does not come up within {@code timeout}; the message
     *     ends with the tail of the server log
     */
    static long start(PgBinaries bin, OsUser os, ClusterWorkDir dir, Duration timeout) {
        Duration wait = timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(60) : timeout;
        CommandRunner.Result r;
        try {
            r = CommandRunner.run(os.wrap(List.of(bin.pgCtl().toString(), "-D", dir.dataDirectory().toString(),
                    "-l", dir.logFile().toString(), "-w", "-t", Long.toString(Math.max(1, wait.toSeconds())), "-s",
                    "start")), dir.root(), null, wait.plusSeconds(15));
        } catch (PgClusterException e) {
            stopQuietly(bin, os, dir);
            throw new PgClusterException(e.getMessage() + "\n--- server log (tail) ---\n"
                    + Postmaster.logTail(dir.logFile(), 40), e);
        }
        long pid = Postmaster.pid(dir.dataDirectory()).orElse(-1);
        if (!r.ok() || pid <= 0 || !Postmaster.isAlive(pid)) {
            stopQuietly(bin, os, dir);
            throw new PgClusterException("PostgreSQL " + bin.version() + " did not start in " + dir.dataDirectory()
                    + " (pg_ctl exit " + r.exitCode() + ")\n" + r.output()
                    + "\n--- server log (tail) ---\n" + Postmaster.logTail(dir.logFile(), 40));
        }
        return pid;
    }

    /**
     * Promotes a standby with {@code pg_ctl promote -w}, which returns once the server accepts
     * writes.
     *
     * @throws PgClusterException when pg_ctl fails or does not finish within {@code timeout}
     */
    static void promote(PgBinaries bin, OsUser os, ClusterWorkDir dir, Duration timeout) {
        Duration wait = timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(60) : timeout;
        CommandRunner.runOrFail("pg_ctl promote", os.wrap(List.of(bin.pgCtl().toString(), "-D",
                dir.dataDirectory().toString(), "-w", "-t", Long.toString(Math.max(1, wait.toSeconds())), "-s",
                "promote")), dir.root(), null, wait.plusSeconds(15));
    }

    /**
     * Stops the server: fast shutdown (clients disconnected, checkpoint), then immediate
     * shutdown, then SIGKILL, each with a bounded wait. Never throws for a server that is
     * already down.
     *
     * @return true when no postmaster is left running
     */
    static boolean stop(PgBinaries bin, OsUser os, ClusterWorkDir dir) {
        long pid = Postmaster.pid(dir.dataDirectory()).orElse(-1);
        if (pid <= 0 || !Postmaster.isAlive(pid)) {
            return true;
        }
        for (String mode : List.of("fast", "immediate")) {
            try {
                CommandRunner.run(os.wrap(List.of(bin.pgCtl().toString(), "-D", dir.dataDirectory().toString(),
                        "-m", mode, "-w", "-t", Long.toString(STOP_WAIT.toSeconds()), "-s", "stop")),
                        dir.root(), null, STOP_WAIT.plusSeconds(10));
            } catch (PgClusterException e) {
                // Timed out: escalate.
            }
            if (Postmaster.waitForExit(pid, Duration.ofSeconds(2))) {
                return true;
            }
        }
        return Postmaster.kill(dir.dataDirectory(), pid, Duration.ofSeconds(10));
    }

    private static void stopQuietly(PgBinaries bin, OsUser os, ClusterWorkDir dir) {
        try {
            stop(bin, os, dir);
        } catch (RuntimeException ignored) {
            // Reporting the start failure matters more.
        }
    }
}
