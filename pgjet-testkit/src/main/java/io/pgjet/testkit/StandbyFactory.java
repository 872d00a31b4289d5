package io.pgjet.testkit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Makes a streaming-replication standby from a copy of a cleanly stopped primary. The Maven
 * binaries ship no {@code pg_basebackup}, and a copy taken after a clean shutdown is
 * consistent without any backup protocol. The standby reaches the primary over the
 * primary's unix socket, which {@code pg_hba.conf} trusts for the superuser's replication
 * connections, so this works whatever the cluster's TCP authentication method is.
 * Stateless; the caller holds the primary's lock.
 */
final class StandbyFactory {
    /** Files that belong to the running primary, not to its data. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts");

    private StandbyFactory() {
    }

    static PgCluster create(PgCluster primary) {
        PgBinaries bin = primary.binaries();
        OsUser os = primary.osUser();
        ClusterWorkDir source = primary.workDir();
        StaleClusterReaper.reapStale();
        ClusterWorkDir dir = ClusterWorkDir.create(os);
        try {
            ServerControl.stop(bin, os, source);
            primary.markStopped();
            try {
                copyTree(source.dataDirectory(), dir.dataDirectory());
                if (primary.hasTls()) {
                    copyTree(source.tlsDirectory(), dir.tlsDirectory());
                }
            } finally {
                primary.startLocked();
            }
            os.giveOwnership(dir.root());
            TlsMaterial tls = primary.hasTls() ? new TlsMaterial(dir.tlsDirectory(), primary.tls().clientUser()) : null;

            int port = ClusterBootstrap.freePort();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("port", Integer.toString(port));
            settings.put("unix_socket_directories", dir.socketDirectory().toString());
            settings.put("hot_standby", "on");
            settings.put("primary_conninfo", "host=" + conninfoValue(source.socketDirectory().toString())
                    + " port=" + primary.port() + " user=" + conninfoValue(primary.superuser())
                    + " application_name=pgjet_standby_" + port);
            if (tls != null) {
                settings.putAll(ClusterBootstrap.tlsSettings(tls));
            }
            ClusterConfig.appendSettings(dir.dataDirectory(), "standby of " + primary, settings);
            Path signal = Files.createFile(dir.dataDirectory().resolve("standby.signal"));
            os.giveOwnership(signal);
            long pid = ServerControl.start(bin, os, dir, primary.startTimeout());
            return new PgCluster(bin, os, dir, port, primary.authMethod(), primary.superuser(), primary.users(), tls,
                    primary.ipv6(), primary.startTimeout(), true, pid);
        } catch (IOException | RuntimeException e) {
            ClusterBootstrap.abandon(bin, os, dir);
            if (e instanceof PgClusterException pe) {
                throw pe;
            }
            throw new PgClusterException("Cannot create a standby of " + primary + ": " + e, e);
        }
    }

    // libpq conninfo quoting: single quotes, with backslash escapes inside.
    private static String conninfoValue(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Copies a tree keeping modes (the data directory must stay 0700) and symbolic links. */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(d).toString());
                if (!Files.isDirectory(target)) {
                    Files.copy(d, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (!SKIPPED.contains(f.getFileName().toString())) {
                    Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
