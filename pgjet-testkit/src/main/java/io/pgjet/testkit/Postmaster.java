package io.pgjet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads and signals a postmaster process identified by its data directory's
 * {@code postmaster.pid}. Works for servers this JVM did not start (stale clusters of dead
 * JVMs). Stateless and thread-safe.
 */
final class Postmaster {
    private Postmaster() {
    }

    /** {@return the pid recorded in {@code dataDir/postmaster.pid}, if the file is there and sane} */
    static OptionalLong pid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Returns true when {@code pid} is a live (not zombie) process. Zombies count as dead: a
     * killed postmaster whose parent never reaps it holds no port, socket or memory.
     */
    static boolean isAlive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** {@return true when {@code pid} is alive and runs a program named {@code postgres}} */
    static boolean isPostgres(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return isAlive(pid) && stat.contains("(postgres)");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the postmaster of {@code dataDir} without pg_ctl: SIGQUIT (immediate shutdown,
     * which still releases shared memory), then SIGKILL to it and its children. Waits at most
     * about {@code wait} twice.
     *
     * @return true when no postmaster is left
     */
    static boolean kill(Path dataDir, long pid, Duration wait) {
        if (!isPostgres(pid)) {
            return true;
        }
        List<ProcessHandle> children = ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of());
        signal("QUIT", pid);
        if (waitForExit(pid, wait)) {
            return true;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        children.forEach(ProcessHandle::destroyForcibly);
        boolean gone = waitForExit(pid, wait);
        try {
            // A SIGKILLed postmaster leaves its pid file, which would block the next start.
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        } catch (IOException ignored) {
            // The directory is usually deleted next anyway.
        }
        return gone;
    }

    /** Waits until {@code pid} is dead; returns false when it outlives {@code wait}. */
    static boolean waitForExit(long pid, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isAlive(pid);
            }
        }
        return true;
    }

    private static void signal(String name, long pid) {
        try {
            CommandRunner.run(List.of("kill", "-s", name, Long.toString(pid)), null, null, Duration.ofSeconds(10));
        } catch (PgClusterException e) {
            // Falls through to SIGKILL via ProcessHandle.
        }
    }

    /** {@return the last {@code lines} lines of {@code log}, or a note when it cannot be read} */
    static String logTail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log at " + log + ")";
        }
    }
}
