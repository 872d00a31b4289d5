package io.pgjet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Keeps unpacked PostgreSQL binaries in a directory shared by every JVM on the machine:
 * {@code ${java.io.tmpdir}/pgjet-cache/pg-<version>}, or below {@code -Dpgjet.cache.dir}.
 *
 * <p>Concurrency: a JVM-wide lock plus an OS file lock serialise unpacking; the archive is
 * unpacked into a temporary sibling and renamed into place atomically, so a reader sees
 * either nothing or a complete tree. The cache is not under the user's home because a root
 * JVM runs the binaries as an unprivileged user, who cannot enter {@code /root}.
 */
final class BinaryCache {
    static final String CACHE_PROPERTY = "pgjet.cache.dir";

    private static final ReentrantLock JVM_LOCK = new ReentrantLock();

    private BinaryCache() {
    }

    /** {@return the shared cache root, created ({@code 0755}) if it is missing} */
    static Path root() throws IOException {
        String configured = System.getProperty(CACHE_PROPERTY);
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "pgjet-cache");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root;
    }

    /**
     * Returns the directory holding {@code bin/}, {@code lib/} and {@code share/} of
     * {@code version}, unpacking it from {@code source} first when the cache lacks it.
     * Blocks while another thread or JVM unpacks the same version.
     *
     * @throws PgClusterException when the archive cannot be read or unpacked
     */
    static Path ensure(String version, java.util.function.Supplier<BinaryArtifact.TxzSource> source) {
        try {
            Path root = root();
            if (Files.isExecutable(root.resolve("pg-" + version).resolve("bin/postgres"))) {
                return root.resolve("pg-" + version);
            }
            if (!Files.isWritable(root) && System.getProperty(CACHE_PROPERTY) == null) {
                // Another OS user owns the shared cache and lacks this version: keep our own beside it.
                root = root.resolveSibling("pgjet-cache-" + System.getProperty("user.name"));
                Files.createDirectories(root);
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return ensure(root, version, source);
        } catch (IOException e) {
            throw new PgClusterException("Cannot create the PostgreSQL binary cache: " + e, e);
        }
    }

    /** Does what {@link #ensure(String, java.util.function.Supplier)} does, below {@code root}. */
    static Path ensure(Path root, String version, java.util.function.Supplier<BinaryArtifact.TxzSource> source) {
        try {
            Path target = root.resolve("pg-" + version);
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            JVM_LOCK.lock();
            try (FileChannel ch = FileChannel.open(root.resolve("pg-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    return unpackLocked(root, target, version, source);
                } finally {
                    lock.release();
                }
            } finally {
                JVM_LOCK.unlock();
            }
        } catch (IOException e) {
            throw new PgClusterException("Cannot unpack PostgreSQL binaries " + version + " into the cache: " + e, e);
        }
    }

    private static Path unpackLocked(Path root, Path target, String version,
            java.util.function.Supplier<BinaryArtifact.TxzSource> source) throws IOException {
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target; // another JVM finished while we waited for the lock
        }
        removeLeftovers(root, version);
        Path tmp = Files.createTempDirectory(root, "pg-" + version + ".tmp");
        try (InputStream in = source.get().open()) {
            TxzUnpacker.unpack(in, tmp);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    // Temp trees left by a JVM that died mid-unpack; safe to delete while we hold the lock.
    private static void removeLeftovers(Path root, String version) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith("pg-" + version + ".tmp")) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Deletes a file tree without following symbolic links; missing entries are ignored. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e.getCause();
            }
        }
    }
}
