package io.pgjet.testkit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Removes clusters left behind by JVMs that died without running their shutdown hooks
 * (SIGKILL, OOM killer, a crashed fork): any work directory whose owner process is gone has
 * its postmaster stopped and its files deleted. Runs before every cluster start.
 *
 * <p>Thread- and multi-JVM-safe: a directory is first renamed to a unique name, so only one
 * reaper ever works on it, and directories of live owners are never touched.
 */
final class StaleClusterReaper {
    /** A directory without owner file younger than this may still be being created. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    private StaleClusterReaper() {
    }

    /**
     * Reaps every stale cluster under the clusters root; problems with one directory are
     * skipped so that they never block starting a new cluster.
     *
     * @return how many clusters were reaped
     */
    static int reapStale() {
        int reaped = 0;
        try (Stream<Path> dirs = Files.list(ClusterWorkDir.clustersRoot())) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && (name.startsWith("c") || abandonedClaim(name))
                        && isStale(dir)) {
                    reaped += reap(dir) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            // Nothing to reap, or a root we cannot read: neither should stop a new cluster.
        }
        return reaped;
    }

    // ".reaping-<pid>-<n>" is being reaped by <pid>; only a dead reaper's claim is ours to finish.
    private static boolean abandonedClaim(String name) {
        if (!name.startsWith(".reaping-")) {
            return false;
        }
        try {
            return !Postmaster.isAlive(Long.parseLong(name.split("-")[1]));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static boolean isStale(Path dir) throws IOException {
        Optional<Properties> owner = readOwner(dir);
        if (owner.isEmpty()) {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(GRACE));
        }
        long pid = Long.parseLong(owner.get().getProperty("pid", "-1"));
        String start = owner.get().getProperty("start");
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (h.isEmpty() || !Postmaster.isAlive(pid)) {
            return true;
        }
        // A live process with another start time is an unrelated process that reused the pid.
        return start != null && h.get().info().startInstant()
                .map(t -> t.toEpochMilli() != Long.parseLong(start)).orElse(false);
    }

    private static boolean reap(Path dir) {
        Path claimed = dir.resolveSibling(".reaping-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.move(dir, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return false; // another JVM claimed it first, or it vanished
        }
        Path data = claimed.resolve("data");
        Postmaster.pid(data).ifPresent(pid -> Postmaster.kill(data, pid, Duration.ofSeconds(10)));
        try {
            Optional<Properties> owner = readOwner(claimed);
            BinaryCache.deleteTree(claimed);
            String socketDir = owner.map(p -> p.getProperty("socketDir")).orElse(null);
            if (socketDir != null) {
                BinaryCache.deleteTree(Path.of(socketDir));
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Properties> readOwner(Path dir) {
        Path file = dir.resolve(ClusterWorkDir.OWNER_FILE);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
