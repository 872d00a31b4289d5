package io.pgjet.testkit;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives tests that need no cluster of their own the JVM-wide one from {@link PgTestServer}. When
 * {@code PGJET_TEST_DSN} points the suite at an external server, the test kit's own checks still
 * need a cluster it controls, so one is started for them (and closed at JVM exit).
 */
final class SharedCluster {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static PgCluster own;

    private SharedCluster() {
    }

    static PgCluster get() {
        if (!PgTestServer.isExternal()) {
            return (PgCluster) PgTestServer.shared();
        }
        LOCK.lock();
        try {
            if (own == null) {
                own = PgCluster.builder().tls(true).setting("max_connections", "200").start();
            }
            return own;
        } finally {
            LOCK.unlock();
        }
    }
}
