package io.pgjet.cli;

import io.pgjet.ConnectionConfig;
import io.pgjet.cli.soak.NettyLeaks;
import io.pgjet.cli.soak.Soak;
import io.pgjet.cli.soak.SoakOptions;
import io.pgjet.cli.soak.SoakReport;
import io.pgjet.cli.soak.SoakTransport;
import io.pgjet.testkit.PgCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code pgjet soak}: every verb of PgJet through a pool on each transport while a fault proxy
 * and {@code pg_terminate_backend} break the connections; prints progress, then a report of
 * throughput, errors by class, lost batches and leaks. Exit status 1 when anything was untyped,
 * lost, leaked or hung.
 */
final class SoakCommand {
    /** PgJet's loggers (System.Logger on java.util.logging), held so the level set on it stays. */
    private static final Logger QUIET = Logger.getLogger("io.pgjet");

    private final PrintStream out;
    private final PrintStream err;

    SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return String.join("\n",
                "usage: pgjet soak [--minutes N | --seconds N] [--operations N] [--workers N]",
                "                  [--transport blocking|netty|both] [--dsn URI] [--json FILE] [--verbose]",
                "",
                "Runs every verb (fetch, fetchVal, executeMany in a transaction, binary COPY in, COPY out, cursor,",
                "stream, prepared statements, 16 pipelined async queries, LISTEN/NOTIFY, savepoints, timeout+cancel,",
                "SQL error, rollback) from N workers (default " + SoakOptions.DEFAULT_WORKERS + ") through a 4-connection"
                        + " pool that connects through",
                "a fault proxy, while a fault thread resets connections, cuts them mid-frame in both directions,",
                "delays them and terminates the soak's backends. Then checks that the pool recovers, that every",
                "batch reported committed is in the table and whole, and that nothing is left: PgJet threads,",
                "file descriptors, direct memory, server sessions, Netty LEAK reports (paranoid detection).",
                "",
                "  --minutes N, --seconds N   the time of the whole run (default 1 minute), split evenly between",
                "                             the transports, which run in turn",
                "  --operations N             stop a transport after N operations (default: no count bound);",
                "                             past either bound a transport goes on (at most 60 s) with the",
                "                             verbs that have not succeeded yet, so every verb is exercised",
                "  --workers N                worker threads per transport",
                "  --transport T              blocking (PgJet.connect's caller-driven socket), netty (the event",
                "                             loop) or both (default)",
                "  --dsn URI                  soak this server (TCP) instead of an embedded PostgreSQL; it creates",
                "                             and drops tables pgjet_soak_*, and terminating backends needs the",
                "                             right to signal them (same role, pg_signal_backend or a superuser)",
                "  --json FILE                also write the report as JSON",
                "  --verbose                  keep PgJet's INFO log lines (a line per dropped connection)",
                "",
                "Progress goes to stderr every 10 s; the report to stdout. Exit status 0 when clean, 1 when",
                "anything was untyped, lost, leaked or hung, 2 for a usage error.",
                "");
    }

    int run(String[] args) {
        // before any Netty class is used: the buffer leak detector at paranoid, its reports captured
        NettyLeaks.install();
        boolean verbose = false;
        Duration duration = Duration.ofMinutes(1);
        long operations = Long.MAX_VALUE;
        int workers = SoakOptions.DEFAULT_WORKERS;
        List<SoakTransport> transports = List.of(SoakTransport.BLOCKING, SoakTransport.NETTY);
        String dsn = null;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(help());
                    return 0;
                }
                case "--minutes" -> duration = Duration.ofMinutes(positive(arg, value(args, ++i, arg)));
                case "--seconds" -> duration = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                case "--operations" -> operations = positive(arg, value(args, ++i, arg));
                case "--workers" -> workers = (int) Math.min(256, positive(arg, value(args, ++i, arg)));
                case "--transport" -> transports = switch (value(args, ++i, arg)) {
                    case "blocking" -> List.of(SoakTransport.BLOCKING);
                    case "netty" -> List.of(SoakTransport.NETTY);
                    case "both" -> List.of(SoakTransport.BLOCKING, SoakTransport.NETTY);
                    default -> throw new Main.UsageException("--transport is blocking, netty or both");
                };
                case "--dsn" -> dsn = value(args, ++i, arg);
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--verbose" -> verbose = true;
                default -> throw new Main.UsageException("unknown option " + arg + " (see pgjet soak --help)");
            }
        }
        SoakOptions options = new SoakOptions(duration, operations, workers, transports, Duration.ofSeconds(10));
        Level level = QUIET.getLevel();
        if (!verbose) {
            // every injected fault makes the pool log a line at INFO: keep the progress lines readable
            QUIET.setLevel(Level.WARNING);
        }
        try {
            return soak(options, dsn, json);
        } finally {
            QUIET.setLevel(level);
        }
    }

    private int soak(SoakOptions options, String dsn, Path json) {
        SoakReport report;
        try {
            if (dsn != null) {
                report = soak(ConnectionConfig.parse(dsn), options);
            } else {
                err.println("soak: starting an embedded PostgreSQL ...");
                try (PgCluster cluster = PgCluster.builder().start()) {
                    err.println("soak: " + cluster.version() + " on " + cluster.host() + ":" + cluster.port());
                    report = soak(ConnectionConfig.parse(cluster.dsn()), options);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("pgjet soak: interrupted");
            return 1;
        }
        out.print(report.text());
        if (json != null) {
            try {
                Files.writeString(json, report.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json, e);
            }
        }
        return report.problems().isEmpty() ? 0 : 1;
    }

    private SoakReport soak(ConnectionConfig config, SoakOptions options) throws InterruptedException {
        try {
            return Soak.run(config, options, err);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new Main.UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Main.UsageException(option + " needs a positive whole number, not \"" + value + "\"");
    }
}
