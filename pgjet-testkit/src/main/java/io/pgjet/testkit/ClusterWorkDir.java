package io.pgjet.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Lays out the private directory of one cluster under the clusters root
 * ({@code ${java.io.tmpdir}/pgjet-clusters}, or {@code -Dpgjet.clusters.dir}):
 * <pre>
 * c123.../owner        who owns it: JVM pid and start time (read by StaleClusterReaper)
 * c123.../data/        the data directory (created by initdb)
 * c123.../s/           the unix socket directory (elsewhere in /tmp when this path is long)
 * c123.../tls/         certificates and keys, when TLS is on
 * c123.../server.log   the server log
 * </pre>
 * The whole tree belongs to the server's OS user, so a root JVM can hand it over in one go.
 * Immutable; creating one is thread-safe.
 */
record ClusterWorkDir(Path root, Path socketDirectory) {
    static final String ROOT_PROPERTY = "pgjet.clusters.dir";
    static final String OWNER_FILE = "owner";
    /** Unix socket paths are limited to about 107 bytes; leave room for "/.s.PGSQL.65535". */
    private static final int MAX_SOCKET_DIR = 90;

    Path dataDirectory() {
        return root.resolve("data");
    }

    Path tlsDirectory() {
        return root.resolve("tls");
    }

    Path logFile() {
        return root.resolve("server.log");
    }

    /** {@return the clusters root, creating it ({@code 0755}) if needed} */
    static Path clustersRoot() throws IOException {
        String configured = System.getProperty(ROOT_PROPERTY);
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "pgjet-clusters");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (configured == null && !Files.isWritable(root)) {
            root = root.resolveSibling("pgjet-clusters-" + System.getProperty("user.name"));
            Files.createDirectories(root);
        }
        return root;
    }

    /**
     * Creates a fresh work directory with its owner marker written first, so that a JVM dying
     * at any later point leaves something the reaper recognises.
     *
     * @throws PgClusterException when the directories cannot be created
     */
    static ClusterWorkDir create(OsUser os) {
        try {
            Path parent = clustersRoot();
            os.checkReachable(parent.resolve("x"), "clusters directory");
            Path root = Files.createTempDirectory(parent, "c");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path socket = root.resolve("s");
            Path external = null;
            if (socket.toAbsolutePath().toString().length() > MAX_SOCKET_DIR) {
                external = Files.createTempDirectory(Path.of("/tmp"), "pgjet-s");
                socket = external;
            } else {
                Files.createDirectory(socket);
            }
            writeOwner(root, external);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectory(root.resolve("tls"));
            os.giveOwnership(root);
            os.giveOwnership(socket);
            return new ClusterWorkDir(root, socket);
        } catch (IOException e) {
            throw new PgClusterException("Cannot create a cluster directory: " + e, e);
        }
    }

    /**
     * Deletes the work directory and an out-of-tree socket directory.
     *
     * @throws IOException when something cannot be deleted
     */
    void delete() throws IOException {
        BinaryCache.deleteTree(root);
        if (!socketDirectory.startsWith(root)) {
            BinaryCache.deleteTree(socketDirectory);
        }
    }

    private static void writeOwner(Path root, Path externalSocketDir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(self.pid()));
        self.info().startInstant().ifPresent(t -> p.setProperty("start", Long.toString(t.toEpochMilli())));
        if (externalSocketDir != null) {
            p.setProperty("socketDir", externalSocketDir.toString());
        }
        try (var w = Files.newBufferedWriter(root.resolve(OWNER_FILE), StandardCharsets.UTF_8)) {
            p.store(w, "pgjet-testkit cluster owner; a dead owner lets the next cluster start delete this directory");
        }
    }
}
