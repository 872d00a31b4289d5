package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** target_session_attrs picks the right member of a primary + streaming standby pair. */
class TargetSessionAttrsTest {
    private static PgCluster primary;
    private static PgCluster standby;

    @BeforeAll
    static void start() {
        primary = PgCluster.builder().auth(AuthMethod.TRUST).start();
        standby = primary.startStandby();
    }

    @AfterAll
    static void stop() {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    private static String dsn(PgCluster first, PgCluster second, String attrs) {
        return "postgresql://" + primary.superuser() + "@127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port()
                + "/postgres?sslmode=disable&target_session_attrs=" + attrs;
    }

    private static boolean inRecovery(Connection conn) {
        return conn.<Boolean>fetchVal("select pg_is_in_recovery()");
    }

    @Test
    void primaryAndReadWriteSkipTheStandby() {
        try (Connection conn = PgJet.connect(dsn(standby, primary, "primary"))) {
            assertEquals(false, inRecovery(conn));
        }
        try (Connection conn = PgJet.connect(dsn(standby, primary, "read-write"))) {
            assertEquals(false, inRecovery(conn));
        }
    }

    @Test
    void standbyAndReadOnlySkipThePrimary() {
        try (Connection conn = PgJet.connect(dsn(primary, standby, "standby"))) {
            assertEquals(true, inRecovery(conn));
        }
        try (Connection conn = PgJet.connect(dsn(primary, standby, "read-only"))) {
            assertEquals(true, inRecovery(conn));
        }
    }

    @Test
    void preferStandbyFallsBackToPrimary() {
        try (Connection conn = PgJet.connect(dsn(primary, standby, "prefer-standby"))) {
            assertEquals(true, inRecovery(conn));
        }
        try (Connection conn = PgJet.connect(dsn(primary, primary, "prefer-standby"))) {
            assertEquals(false, inRecovery(conn));
        }
    }

    @Test
    void noMatchingHostIsAClearError() {
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect(dsn(primary, primary, "standby")));
        assertTrue(e.getMessage().contains("target_session_attrs=standby"), e.getMessage());
    }
}
