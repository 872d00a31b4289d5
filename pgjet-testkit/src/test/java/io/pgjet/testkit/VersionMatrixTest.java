package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every supported major starts from its Maven artifact and answers queries. The first run
 * downloads about 15 MB per major from Maven Central into the local repository; clusters run
 * one at a time and are closed right away.
 */
class VersionMatrixTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"13", "14", "15", "16", "17", "18"})
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyMajorStartsAndReportsItsVersion(String major) throws Exception {
        try (PgCluster pg = PgCluster.builder().version(major).start()) {
            assertEquals(Integer.parseInt(major), pg.majorVersion());
            assertTrue(pg.binDirectory().toString().contains("pg-" + PgVersions.artifactVersion(major)),
                    pg.binDirectory().toString());
            try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
                String version = Jdbc.queryString(c, "select version()");
                assertTrue(version.startsWith("PostgreSQL " + major + "."), version);
                // SCRAM works on every major, including 13 whose own default was md5.
                assertEquals("scram-sha-256", Jdbc.queryString(c, "show password_encryption"));
            }
        }
    }
}
