package io.pgjet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program to completion with a bounded wait and captures its output.
 * Thread-safe: holds no state.
 */
final class CommandRunner {

    /** Holds the exit code and the merged stdout/stderr of a finished program. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private CommandRunner() {
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * <p>Output goes to a temporary file rather than a pipe: {@code pg_ctl start} leaves a
     * postmaster behind that may inherit the descriptor, and a pipe reader would then wait
     * for the server to exit.
     *
     * @param command program and arguments
     * @param workDir working directory, or null for the JVM's
     * @param stdin file fed to the program's standard input, or null for none
     * @param timeout how long to wait before killing the program and its descendants
     * @return the exit code and output
     * @throws PgClusterException when the program cannot be started or outlives {@code timeout}
     */
    static Result run(List<String> command, Path workDir, Path stdin, Duration timeout) {
        Path out = null;
        try {
            out = Files.createTempFile("pgjet-cmd", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                    : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            sanitize(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new PgClusterException("Timed out after " + timeout.toSeconds() + "s: "
                        + String.join(" ", command) + "\n" + read(out));
            }
            return new Result(p.exitValue(), read(out));
        } catch (IOException e) {
            throw new PgClusterException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgClusterException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless.
                }
            }
        }
    }

    /**
     * Runs {@code command} and fails unless it exits with 0.
     *
     * @return the program's output
     * @throws PgClusterException on a non-zero exit, naming {@code what} and quoting the output
     */
    static String runOrFail(String what, List<String> command, Path workDir, Path stdin, Duration timeout) {
        Result r = run(command, workDir, stdin, timeout);
        if (!r.ok()) {
            throw new PgClusterException(what + " failed (exit " + r.exitCode() + "): "
                    + String.join(" ", command) + "\n" + r.output());
        }
        return r.output();
    }

    // PG* variables (PGDATA, PGPORT, PGOPTIONS, ...) and the caller's locale would leak into
    // initdb and the server and make clusters differ from machine to machine.
    private static void sanitize(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
    }

    private static String read(Path out) throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8).strip();
    }
}
