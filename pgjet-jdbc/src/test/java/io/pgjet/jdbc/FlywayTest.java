package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Real Flyway migrates a schema through PgJet's driver (pgjdbc is not on the class path). */
class FlywayTest {
    @Test
    void migratesASchemaAndValidatesIt() throws SQLException {
        PgJetDataSource ds = Jdbc.dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists flyway_pgjet cascade");
        }
        Flyway flyway = Flyway.configure().dataSource(ds).schemas("flyway_pgjet")
                .locations("classpath:db/pgjet-flyway").load();
        MigrateResult result = flyway.migrate();
        assertTrue(result.success);
        assertEquals(3, result.migrationsExecuted);
        assertEquals("3", result.targetSchemaVersion);
        flyway.validate();
        assertEquals(0, flyway.migrate().migrationsExecuted);
        try (Connection c = ds.getConnection()) {
            // The migrated function names its tables unqualified, as migrations usually do.
            c.setSchema("flyway_pgjet");
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select customer_total(id), email from customer where name = 'Ada'");
            assertTrue(rs.next());
            assertEquals(new BigDecimal("10.50"), rs.getBigDecimal(1));
            assertEquals("ada@example.com", rs.getString(2));
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from flyway_pgjet.flyway_schema_history where success")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 3);
        }
    }
}
