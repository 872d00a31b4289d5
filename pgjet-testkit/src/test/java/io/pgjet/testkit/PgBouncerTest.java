package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test kit's pgbouncer: it comes up in front of a TLS + SCRAM cluster in the asked pool
 * mode, lets the cluster's roles in with their passwords, never shows a password, and is gone
 * (process and port) after close.
 */
class PgBouncerTest {
    @Test
    void startsInFrontOfTheClusterAndIsGoneAfterClose() throws Exception {
        PgCluster cluster = SharedCluster.get();
        PgBouncer bouncer = PgBouncer.start(cluster, PgBouncer.PoolMode.TRANSACTION, Map.of("default_pool_size", "1"));
        int port = bouncer.port();
        try {
            assertEquals(PgBouncer.PoolMode.TRANSACTION, bouncer.poolMode());
            assertEquals(cluster.majorVersion(), bouncer.majorVersion());
            // pgjdbc with prepareThreshold=0 uses no named statements, as a pooler needs.
            assertEquals("1", Jdbc.queryString(bouncer.jdbcUrl() + "&prepareThreshold=0", "select 1"));
            assertEquals(Integer.toString(cluster.port()),
                    Jdbc.queryString(bouncer.jdbcUrl() + "&prepareThreshold=0", "select inet_server_port()"));
            assertFalse(bouncer.toString().contains(cluster.password()), bouncer.toString());
            assertFalse(bouncer.logTail().contains(cluster.password()));
        } finally {
            bouncer.close();
        }
        bouncer.close(); // idempotent
        try (Socket s = new Socket()) {
            assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 500));
        }
    }

    @Test
    void aMissingProgramFailsWithAClearMessage() {
        String previous = System.getProperty(PgBouncer.BIN_PROPERTY);
        System.setProperty(PgBouncer.BIN_PROPERTY, "/nonexistent/pgbouncer");
        try {
            assertFalse(PgBouncer.isInstalled());
            PgClusterException e = assertThrows(PgClusterException.class,
                    () -> PgBouncer.start(SharedCluster.get(), PgBouncer.PoolMode.STATEMENT));
            assertTrue(e.getMessage().contains("pgbouncer is not installed"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(PgBouncer.BIN_PROPERTY);
            } else {
                System.setProperty(PgBouncer.BIN_PROPERTY, previous);
            }
        }
        assertTrue(PgBouncer.isInstalled() || !Files.exists(Path.of("/usr/sbin/pgbouncer")));
    }
}
