package io.pgjet.bench;

import io.pgjet.bench.drivers.Driver;
import io.pgjet.bench.drivers.PgJdbcDriver;
import io.pgjet.bench.drivers.PgJetBlockingDriver;
import io.pgjet.bench.drivers.ObservedDriver;
import io.pgjet.bench.drivers.PgJetDriver;
import io.pgjet.bench.drivers.R2dbcDriver;
import io.pgjet.bench.drivers.VertxDriver;
import io.pgjet.bench.drivers.WireDriver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the selected workloads for the selected drivers against one server, in rounds: each round
 * runs every case once for every driver, with the driver order rotated from round to round so
 * machine noise hits each alike. Every job gets fresh connections and its own warm-up.
 */
public final class Bench {
    private final BenchOptions options;
    private final BenchTarget target;
    private final Consumer<String> log;

    /** Creates a run; {@code log} receives progress lines. */
    public Bench(BenchOptions options, BenchTarget target, Consumer<String> log) {
        this.options = options;
        this.target = target;
        this.log = log;
    }

    /** Makes the CPU meter count only the server behind {@code admin}, not other local servers. */
    private static void watchServer(Connection admin) throws java.sql.SQLException {
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            CpuMeter.watchServerOf(rs.getLong(1));
        }
    }

    /** Prepares the data, runs every round and returns the results. */
    public Report run() throws Exception {
        Report report = new Report(options);
        report.environment().putAll(Environment.machine());
        BenchData data = new BenchData(options.scale, options.batchRows, options.copyRows, options.streamRows);
        try (Connection admin = target.adminConnection()) {
            data.setUp(admin, log);
            report.environment().put("postgresql", serverVersion(admin));
            watchServer(admin);
        }
        report.environment().put("server", target.toString());
        report.environment().put("data", "scale " + data.scale() + " (" + data.accounts() + " accounts), batch "
                + data.batchRows() + " rows, copy " + data.copyRows() + " rows, stream " + data.streamRows()
                + " rows, wide " + data.wideRows() + " rows of pg_type");

        Map<DriverId, Driver> drivers = new LinkedHashMap<>();
        Pgbench pgbench = null;
        for (DriverId id : options.drivers) {
            switch (id) {
                case PGJET -> drivers.put(id, new PgJetDriver(target, data));
                case PGJET_BLOCKING -> drivers.put(id, new PgJetBlockingDriver(target, data));
                case PGJET_OBSERVED -> drivers.put(id, new PgJetDriver(target, data, id, ObservedDriver.noopObservations()));
                case PGJET_LISTENER -> drivers.put(id, new PgJetDriver(target, data, id, new io.pgjet.observe.PgJetListener() { }));
                case PGJET_JDBC -> drivers.put(id, new io.pgjet.bench.drivers.PgJetJdbcDriver(target, data));
                case PGJDBC -> drivers.put(id, new PgJdbcDriver(target, data, false));
                case PGJDBC_REWRITE -> drivers.put(id, new PgJdbcDriver(target, data, true));
                case VERTX -> drivers.put(id, new VertxDriver(target, data));
                case PGJET_R2DBC -> drivers.put(id, R2dbcDriver.pgjet(target, data));
                case R2DBC_POSTGRESQL -> drivers.put(id, R2dbcDriver.r2dbcPostgresql(target, data));
                case WIRE -> drivers.put(id, new WireDriver(target, data));
                case PGBENCH -> {
                    pgbench = options.pgbench ? Pgbench.find(target.binDirectory()) : null;
                    String why = !options.pgbench ? "pgbench disabled by --no-pgbench"
                            : "pgbench not found on PATH or beside the server binaries; no pgbench comparison";
                    if (pgbench == null) {
                        report.notes().add(why);
                        log.accept(why);
                    }
                }
            }
        }
        for (Driver d : drivers.values()) {
            report.environment().put(d.id().id(), d.version());
        }
        if (pgbench != null) {
            report.environment().put("pgbench", pgbench.version() + " (" + pgbench.executable() + ")");
        }

        List<CaseResult> runnable = new ArrayList<>();
        for (Workload w : options.workloads) {
            for (int param : options.params(w)) {
                for (DriverId id : options.drivers) {
                    CaseResult r = new CaseResult(w, param, id);
                    report.results().add(r);
                    String why;
                    if (id == DriverId.PGBENCH) {
                        why = pgbench == null ? (options.pgbench ? "pgbench not installed" : "--no-pgbench")
                                : Pgbench.unsupported(w, param);
                        if (why == null) {
                            r.describe("pgbench " + Pgbench.how(w, param), null);
                        }
                    } else {
                        why = drivers.get(id).unsupported(w, param);
                    }
                    if (why != null) {
                        r.markUnsupported(why);
                    } else {
                        runnable.add(r);
                    }
                }
            }
        }

        double loadBefore = Environment.loadAverage();
        if (options.burn > 0) {
            report.environment().put("cpu burner", options.burn + " busy threads in the bench JVM during every case");
        }
        try (CpuBurner burner = new CpuBurner(options.burn, options.burnLimitSeconds(runnable.size()))) {
            for (int round = 1; round <= options.rounds; round++) {
                log.accept("round " + round + " of " + options.rounds);
                List<List<CaseResult>> groups = groupByCase(runnable);
                for (List<CaseResult> group : groups) {
                    int n = group.size();
                    for (int k = 0; k < n; k++) {
                        CaseResult r = group.get((k + round - 1) % n);
                        runOne(r, round, drivers, pgbench, data);
                    }
                }
            }
        } finally {
            for (Driver d : drivers.values()) {
                d.close();
            }
        }
        double loadAfter = Environment.loadAverage();
        if (loadBefore >= 0) {
            report.environment().put("load average", String.format("%.2f before, %.2f after", loadBefore, loadAfter));
        }
        return report;
    }

    private static List<List<CaseResult>> groupByCase(List<CaseResult> runnable) {
        Map<String, List<CaseResult>> groups = new LinkedHashMap<>();
        for (CaseResult r : runnable) {
            groups.computeIfAbsent(r.workload().id() + "/" + r.param(), k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    private void runOne(CaseResult r, int round, Map<DriverId, Driver> drivers, Pgbench pgbench, BenchData data) {
        long warmup = (long) (options.warmupFor(round) * 1e9);
        long measure = (long) (options.seconds * 1e9);
        Sample sample = null;
        if (r.driver() == DriverId.PGBENCH) {
            sample = pgbench.run(target, data, r.workload(), r.param(), options.seconds, round);
        } else {
            Job job = null;
            try {
                job = drivers.get(r.driver()).open(r.workload(), r.param());
                r.describe(job.how(), job.note());
                sample = Runner.run(job, round, warmup, measure);
            } catch (Throwable e) {
                sample = Sample.failed(round, Runner.describe(e));
            } finally {
                if (job != null) {
                    try {
                        job.close();
                    } catch (Throwable e) {
                        if (sample == null) {
                            sample = Sample.failed(round, "close: " + Runner.describe(e));
                        }
                    }
                }
            }
        }
        r.add(sample);
        String label = r.workload().paramLabel(r.param());
        String line = String.format("  %-9s %-9s %-15s ", r.workload().id(), label, r.driver().id());
        if (sample.error() != null) {
            log.accept(line + "FAILED: " + sample.error());
        } else {
            double rate = r.workload().countsRows() ? sample.rowsPerSecond() : sample.opsPerSecond();
            log.accept(line + Format.number(rate) + " " + r.workload().unit());
        }
    }

    private static String serverVersion(Connection admin) throws java.sql.SQLException {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
