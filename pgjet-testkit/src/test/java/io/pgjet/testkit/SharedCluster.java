package io.pgjet.testkit;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Gives tests that need no cluster of their own the JVM-wide one from {@link PgTestServer}. */
final class SharedCluster {
    private SharedCluster() {
    }

    static PgCluster get() {
        assumeFalse(PgTestServer.isExternal(), "PGJET_TEST_DSN is set: the testkit's own checks need a PgCluster");
        return (PgCluster) PgTestServer.shared();
    }
}
