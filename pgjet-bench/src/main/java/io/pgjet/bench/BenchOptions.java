package io.pgjet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner's settings, parsed from {@code ./pgjet bench} arguments. {@code --smoke} first sets
 * small defaults (1 s, scale 1, small batch/copy/stream sizes); options given explicitly win.
 * Mutable while parsing, then treated as read-only.
 */
public final class BenchOptions {
    /** The help text of {@code ./pgjet bench}. */
    public static final String HELP = String.join("\n",
            "Usage: ./pgjet bench [options]",
            "",
            "Races PgJet against pgjdbc, vertx-pg-client and pgbench on the same workloads, in one JVM run,",
            "drivers interleaved in rounds; prints a table of ratios and writes JSON, PNG charts and Markdown.",
            "The 'wire' contestant is a ceiling, not a client: pre-encoded messages, answers scanned, nothing decoded.",
            "",
            "Options:",
            "  --workload W[,W..]  workloads to run (default: all): " + Workload.names(),
            "  --drivers D[,D..]   contestants (default: all but pgjet-observed, pgjet-listener, pgjet-jdbc): " + DriverId.names(),
            "  --conns N[,N..]     connection counts for 'point' (default 1,8,32)",
            "  --depth D[,D..]     requests in flight on one connection for 'pipeline'/'select1' (default 1,16,64)",
            "  --callers N[,N..]   callers sharing the 8-connection pool for 'pool' (default 8,64)",
            "  --seconds S         measured seconds per case and round (default 5; pgbench rounds up)",
            "  --warmup S          warm-up seconds per case in round 1 (default 3); later rounds warm",
            "                      for a third of it (at least 0.5 s), on fresh connections",
            "  --rounds N          rounds; each round runs every case for every driver, order rotated (default 3)",
            "  --dsn URI           postgresql://user:password@host:port/db[?sslmode=disable|require]; without it",
            "                      an embedded PostgreSQL is started with the test kit and stopped afterwards.",
            "                      The runner creates pgbench_accounts/pgbench_branches (recreated if the scale",
            "                      differs), bench_batch and bench_copy in that database.",
            "  --scale N           pgbench scale: N x 100,000 accounts (default 10)",
            "  --batch-rows N      rows per batch insert (default 10000)",
            "  --copy-rows N       rows per COPY (default 100000)",
            "  --stream-rows N     rows per stream (default 1000000, at most the number of accounts)",
            "  --out DIR           output directory (default bench-results/)",
            "  --no-pgbench        do not run pgbench even if it is installed",
            "  --burn N            measure under load: N threads keep CPUs busy while the cases run (default 0;",
            "                      they stop with the run, or after the run's planned length plus a margin)",
            "  --smoke             every workload, 1 s, 1 round, small data; checks results, not speed",
            "  --jmh [REGEX] [JMH options]  run the JMH micro-benchmarks instead (e.g. --jmh DataRow -prof gc)",
            "  --stream-memory ROWS WIDTH  stream ROWS rows of WIDTH characters without a transaction and",
            "                      report the heap used (with PGJET_BENCH_JAVA_OPTS=-Xmx64m a buffered result fails)",
            "  --help              this text",
            "",
            "Every result is checked (row counts, checksums); a driver that lacks a workload shows n/a and why.",
            "Besides throughput and latency, each case shows bytes allocated, this JVM's CPU time and the local",
            "postgres processes' CPU time per operation (or row), and how busy the machine's CPUs were (Linux /proc).");

    List<Workload> workloads = List.of(Workload.values());
    /** Every driver but pgjet-observed and pgjet-listener (observing's overhead) and pgjet-jdbc, run when asked for. */
    List<DriverId> drivers = Arrays.stream(DriverId.values())
            .filter(d -> d != DriverId.PGJET_OBSERVED && d != DriverId.PGJET_LISTENER && d != DriverId.PGJET_JDBC).toList();
    int[] conns = {1, 8, 32};
    int[] depths = {1, 16, 64};
    int[] callers = {8, 64};
    double seconds = 5;
    double warmup = 3;
    int rounds = 3;
    String dsn;
    int scale = 10;
    int batchRows = 10_000;
    int copyRows = 100_000;
    int streamRows = 1_000_000;
    Path out = Path.of("bench-results");
    boolean pgbench = true;
    int burn;
    boolean smoke;
    boolean help;
    List<String> arguments = List.of();

    /**
     * Parses arguments.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        o.arguments = List.of(args);
        if (Arrays.asList(args).contains("--smoke")) {
            o.applySmokeDefaults();
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help":
                case "-h":
                    o.help = true;
                    break;
                case "--smoke":
                    o.smoke = true;
                    break;
                case "--no-pgbench":
                    o.pgbench = false;
                    break;
                default:
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value (see --help)");
                        }
                        value = args[++i];
                    }
                    o.set(a, value);
            }
        }
        return o;
    }

    /** Returns an upper bound on the run's length for {@code cases} cases, so a CPU burner stops by itself. */
    long burnLimitSeconds(int cases) {
        return (long) Math.ceil(cases * rounds * (seconds + warmup + 30)) + 60;
    }

    private void set(String option, String value) {
        try {
            switch (option) {
                case "--workload":
                case "--workloads":
                    List<Workload> w = new ArrayList<>();
                    for (String s : value.split(",")) {
                        if (!s.isBlank()) {
                            w.add(Workload.of(s));
                        }
                    }
                    workloads = List.copyOf(w);
                    break;
                case "--drivers":
                case "--driver":
                    List<DriverId> d = new ArrayList<>();
                    for (String s : value.split(",")) {
                        if (!s.isBlank()) {
                            d.add(DriverId.of(s));
                        }
                    }
                    drivers = List.copyOf(d);
                    break;
                case "--conns":
                    conns = positiveInts(value);
                    break;
                case "--depth":
                case "--depths":
                    depths = positiveInts(value);
                    break;
                case "--callers":
                    callers = positiveInts(value);
                    break;
                case "--seconds":
                    seconds = positive(Double.parseDouble(value));
                    break;
                case "--warmup":
                    warmup = Double.parseDouble(value);
                    if (warmup < 0) {
                        throw new IllegalArgumentException("must not be negative");
                    }
                    break;
                case "--rounds":
                    rounds = (int) positive(Integer.parseInt(value));
                    break;
                case "--dsn":
                    dsn = value;
                    break;
                case "--burn":
                    burn = Integer.parseInt(value);
                    if (burn < 0) {
                        throw new IllegalArgumentException("--burn must not be negative");
                    }
                    break;
                case "--scale":
                    scale = (int) positive(Integer.parseInt(value));
                    break;
                case "--batch-rows":
                    batchRows = (int) positive(Integer.parseInt(value));
                    break;
                case "--copy-rows":
                    copyRows = (int) positive(Integer.parseInt(value));
                    break;
                case "--stream-rows":
                    streamRows = (int) positive(Integer.parseInt(value));
                    break;
                case "--out":
                    out = Path.of(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option (see --help)");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + value + ": " + e.getMessage());
        }
    }

    private static double positive(double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("must be positive");
        }
        return v;
    }

    private static int[] positiveInts(String value) {
        String[] parts = value.split(",");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = (int) positive(Integer.parseInt(parts[i].strip()));
        }
        return result;
    }

    /** Sets what {@code --smoke} means: quick, small and still checked. */
    void applySmokeDefaults() {
        smoke = true;
        seconds = 1;
        warmup = 0.2;
        rounds = 1;
        scale = 1;
        conns = new int[] {1, 2};
        depths = new int[] {1, 4};
        callers = new int[] {16};
        batchRows = 1_000;
        copyRows = 5_000;
        streamRows = 20_000;
    }

    /** Returns the parameter values a workload runs at. */
    int[] params(Workload w) {
        switch (w.param()) {
            case CONNS:
                return conns;
            case DEPTH:
                return depths;
            case CALLERS:
                return callers;
            default:
                return new int[] {0};
        }
    }

    /** Returns the warm-up for a round: the full warm-up in round 1, a third (at least 0.5 s) later. */
    double warmupFor(int round) {
        return round == 1 ? warmup : Math.min(warmup, Math.max(0.5, warmup / 3));
    }

    // Accessors for the tests and reports.

    /** Returns the selected workloads. */
    public List<Workload> workloads() {
        return workloads;
    }

    /** Returns the selected drivers. */
    public List<DriverId> drivers() {
        return drivers;
    }

    /** Returns the measured seconds per case and round. */
    public double seconds() {
        return seconds;
    }

    /** Returns the output directory. */
    public Path out() {
        return out;
    }

    /** Returns whether --help was given. */
    public boolean help() {
        return help;
    }

    /** Returns the arguments as given, passwords in DSNs replaced by {@code <redacted>} (they are printed). */
    public List<String> arguments() {
        return arguments.stream().map(DsnRedaction::redact).toList();
    }
}
