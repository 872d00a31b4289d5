package io.pgjet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code pgbench} program against the same server as the drivers: the practical limit of
 * the server for a C client (libpq). Point selects use pgbench's built-in select-only script
 * ({@code -S -M prepared}, N connections and threads); pipelines use a script of D statements
 * between {@code \startpipeline} and {@code \endpipeline}. Note that pgbench pipelines in bursts
 * (send D, wait for all D), while the drivers keep D in flight continuously.
 */
final class Pgbench {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path executable;
    private final String version;
    private final Path scripts;

    private Pgbench(Path executable, String version, Path scripts) {
        this.executable = executable;
        this.version = version;
        this.scripts = scripts;
    }

    /**
     * Finds pgbench beside the test-kit binaries or on PATH.
     *
     * @return the runner, or null when there is no usable pgbench
     */
    static Pgbench find(Path binDirectory) {
        List<Path> candidates = new ArrayList<>();
        if (binDirectory != null) {
            candidates.add(binDirectory.resolve("pgbench"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                try {
                    String version = run(List.of(candidate.toString(), "--version"), null, 30).strip();
                    return new Pgbench(candidate, version, Files.createTempDirectory("pgjet-bench-pgbench"));
                } catch (IOException | RuntimeException e) {
                    // not usable; try the next one
                }
            }
        }
        return null;
    }

    /** Returns {@code pgbench --version}'s output, e.g. {@code pgbench (PostgreSQL) 15.14}. */
    String version() {
        return version;
    }

    /** Returns where pgbench is. */
    Path executable() {
        return executable;
    }

    /** Returns why pgbench has no run for this case, or null. */
    static String unsupported(Workload workload, int param) {
        switch (workload) {
            case POINT:
            case PIPELINE:
            case SELECT1:
                return null;
            default:
                return "pgbench has no equivalent workload";
        }
    }

    /** Describes the pgbench command for a case. */
    static String how(Workload workload, int param) {
        switch (workload) {
            case POINT:
                return "-S -M prepared -c " + param + " -j " + param;
            case PIPELINE:
                return param == 1 ? "-S -M prepared -c 1" : param + " point selects per \\startpipeline/\\endpipeline, -c 1";
            default:
                return param == 1 ? "script 'select 1', -M prepared -c 1"
                        : param + " x 'select 1' per \\startpipeline/\\endpipeline, -c 1";
        }
    }

    /** Runs one measured case for {@code seconds} (rounded up to a whole second, pgbench's unit). */
    Sample run(BenchTarget target, BenchData data, Workload workload, int param, double seconds, int round) {
        int wholeSeconds = (int) Math.max(1, Math.ceil(seconds - 1e-9));
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared",
                "-T", Integer.toString(wholeSeconds)));
        int perTransaction = 1;
        try {
            switch (workload) {
                case POINT:
                    command.addAll(List.of("-S", "-c", Integer.toString(param), "-j", Integer.toString(param)));
                    break;
                case PIPELINE:
                    command.addAll(List.of("-c", "1", "-j", "1", "-D", "scale=" + data.scale()));
                    if (param == 1) {
                        command.add("-S");
                    } else {
                        command.addAll(List.of("-f", script("point-" + param, param,
                                "\\set aid random(1, 100000 * :scale)\n"
                                        + "select abalance from pgbench_accounts where aid = :aid;\n").toString()));
                        perTransaction = param;
                    }
                    break;
                case SELECT1:
                    command.addAll(List.of("-c", "1", "-j", "1"));
                    command.addAll(List.of("-f", script("select1-" + param, param, "select 1;\n").toString()));
                    perTransaction = param;
                    break;
                default:
                    throw new IllegalArgumentException(unsupported(workload, param));
            }
            String output = run(command, target, wholeSeconds + 120);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                return Sample.failed(round, "no tps in pgbench output: " + tail(output));
            }
            double transactions = Double.parseDouble(tps.group(1));
            Matcher latency = LATENCY.matcher(output);
            long avgNanos = latency.find() ? (long) (Double.parseDouble(latency.group(1)) * 1e6) : -1;
            long nanos = TimeUnit.SECONDS.toNanos(wholeSeconds);
            long ops = Math.round(transactions * perTransaction * wholeSeconds);
            return new Sample(round, ops, ops, nanos, new LatencyHistogram(), -1, -1, -1, -1, avgNanos,
                    CpuMeter.Use.UNKNOWN, null);
        } catch (IOException | RuntimeException e) {
            return Sample.failed(round, Runner.describe(e));
        }
    }

    private Path script(String name, int statements, String statement) throws IOException {
        Path file = scripts.resolve(name + ".sql");
        if (!Files.exists(file)) {
            StringBuilder b = new StringBuilder();
            if (statements > 1) {
                b.append("\\startpipeline\n");
            }
            for (int i = 0; i < statements; i++) {
                b.append(statement);
            }
            if (statements > 1) {
                b.append("\\endpipeline\n");
            }
            Files.writeString(file, b, StandardCharsets.UTF_8);
        }
        return file;
    }

    private static String tail(String output) {
        String s = output.strip().replace('\n', ' ');
        return s.length() > 300 ? "..." + s.substring(s.length() - 300) : s;
    }

    private static String run(List<String> command, BenchTarget target, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (target != null) {
            pb.environment().putAll(target.pgbenchEnvironment());
        }
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("pgbench did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pgbench ran");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("pgbench exited with " + p.exitValue() + ": " + tail(text));
        }
        return text;
    }
}
