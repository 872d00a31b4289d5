package io.pgjet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of {@code ./pgjet bench}: parses options, starts (or connects to) PostgreSQL,
 * runs the {@link Bench}, prints the table and writes {@code results.txt}, {@code results.json},
 * {@code results.md} and one PNG chart per workload to the output directory. With {@code --jmh}
 * it runs the JMH micro-benchmarks instead. Exits with 1 when a result check failed, 2 on bad
 * options.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the benchmark; see {@link BenchOptions#HELP}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int jmh = Arrays.asList(args).indexOf("--jmh");
        if (jmh >= 0) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, jmh + 1, args.length));
            return;
        }
        int streamMemory = Arrays.asList(args).indexOf("--stream-memory");
        if (streamMemory >= 0) {
            if (args.length != streamMemory + 3) {
                System.err.println("pgjet bench: --stream-memory takes ROWS and WIDTH, e.g. --stream-memory 10000000 1000");
                System.exit(2);
            }
            StreamMemory.run(Arrays.copyOfRange(args, streamMemory + 1, args.length));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pgjet bench: " + DsnRedaction.redact(e.getMessage()));
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.HELP);
            return;
        }
        BenchTarget target;
        try {
            if (options.dsn != null) {
                target = BenchTarget.fromUri(options.dsn);
            } else {
                System.out.println("starting an embedded PostgreSQL with the test kit ...");
                target = BenchTarget.startEmbedded();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("pgjet bench: " + DsnRedaction.redact(e.getMessage()));
            System.exit(2);
            return;
        }
        Report report;
        try (BenchTarget t = target) {
            System.out.println("server: " + t);
            report = new Bench(options, t, line -> System.out.println(DsnRedaction.redact(line))).run();
        }
        String text = TextReport.text(report);
        System.out.println();
        System.out.print(text);
        List<Path> files = write(report, options.out());
        System.out.println();
        System.out.println("wrote " + files.size() + " files to " + options.out().toAbsolutePath().normalize()
                + ": " + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()));
        List<CaseResult> failures = report.failures();
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println(failures.size() + " case(s) FAILED:");
            for (CaseResult f : failures) {
                System.out.println("  " + f.workload().id() + " " + f.workload().paramLabel(f.param()) + " "
                        + f.driver().id() + ": " + f.error());
            }
            System.exit(1);
        }
        // Drivers leave non-daemon threads (e.g. vertx's) behind on some failures; do not hang on them.
        System.exit(0);
    }

    /**
     * Writes the report into {@code dir}: {@code results.txt}, {@code results.json},
     * {@code results.md} and {@code <workload>.png} per workload.
     *
     * @return the files written
     */
    public static List<Path> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("results.txt"), TextReport.text(report), StandardCharsets.UTF_8));
        files.add(Files.writeString(dir.resolve("results.json"), JsonReport.json(report), StandardCharsets.UTF_8));
        files.add(Files.writeString(dir.resolve("results.md"), TextReport.markdown(report), StandardCharsets.UTF_8));
        files.addAll(Charts.write(report, dir));
        return files;
    }
}
