package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JVM-wide server is started once, or replaced by the server {@code PGJET_TEST_DSN} names. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PgTestServerTest {

    @Test
    void sharedStartsOneRunningClusterPerJvm() throws Exception {
        PgCluster pg = SharedCluster.get();
        assertSame(pg, PgTestServer.shared());
        assertTrue(pg.isRunning());
        assertEquals("1", Jdbc.queryString(pg.jdbcUrl(), "select 1"));
    }

    @Test
    void externalDsnGivesAHandleThatConnectsToThatServer() throws Exception {
        PgCluster pg = SharedCluster.get();
        PgServer external = PgTestServer.external(pg.dsn());
        assertEquals(pg.host(), external.host());
        assertEquals(pg.port(), external.port());
        assertEquals(pg.user(), external.user());
        assertEquals(pg.password(), external.password());
        assertEquals("postgres", external.database());
        assertEquals(pg.dsn(), external.dsn());
        assertEquals(pg.superuser(), Jdbc.queryString(external.jdbcUrl(), "select current_user"));
    }

    @Test
    void externalDsnDecodesEveryPartAndKeepsParameters() {
        PgServer s = PgTestServer.external("postgres://u%40x:p%3Aw%2Bd@[::1]:6543/my%20db?sslmode=require");
        assertEquals("u@x", s.user());
        assertEquals("p:w+d", s.password());
        assertEquals("::1", s.host());
        assertEquals(6543, s.port());
        assertEquals("my db", s.database());
        assertEquals("jdbc:postgresql://[::1]:6543/my%20db?user=u%40x&password=p%3Aw%2Bd&sslmode=require", s.jdbcUrl());
        assertEquals(5432, PgTestServer.external("postgresql://app@db.example").port());
        assertEquals("app", PgTestServer.external("postgresql://app@db.example").database());
        assertThrows(IllegalArgumentException.class, () -> PgTestServer.external("mysql://x@y/z"));
    }
}
