package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.CatalogAndSchema;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real Liquibase runs and rolls back a changelog through PgJet's driver (pgjdbc is not on the class path). */
class LiquibaseTest {

    @BeforeAll
    static void schema() throws SQLException {
        // Liquibase 4.30+ would otherwise try to send usage analytics over the network.
        System.setProperty("liquibase.analytics.enabled", "false");
        Jdbc.sql("drop schema if exists lb_pgjet cascade", "create schema lb_pgjet");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("deprecation")
    @Test
    void runsAChangelogAndRollsItBack() throws Exception {
        try (Connection c = Jdbc.dataSource().getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            assertEquals("postgresql", db.getShortName());
            db.setDefaultSchemaName("lb_pgjet");
            Liquibase liquibase = new Liquibase("db/liquibase/changelog.xml", new ClassLoaderResourceAccessor(), db);
            liquibase.update(new Contexts(), new LabelExpression());

            assertEquals(6, count(c, "select count(*) from lb_pgjet.databasechangelog"));
            assertEquals(1, count(c, "select count(*) from information_schema.columns"
                    + " where table_schema = 'lb_pgjet' and table_name = 'lb_author' and column_name = 'email'"));
            assertEquals(1, count(c, "select count(*) from pg_constraint where conname = 'lb_book_author_fk' and contype = 'f'"));
            assertEquals(1, count(c, "select count(*) from pg_indexes where schemaname = 'lb_pgjet' and indexname = 'lb_book_title_idx'"));
            assertEquals(1, count(c, "select count(*) from lb_pgjet.lb_book b join lb_pgjet.lb_author a on a.id = b.author_id"
                    + " where a.email = 'ada@example.com'"));

            // Liquibase's snapshot (what diff and generateChangeLog use) reads the schema through
            // DatabaseMetaData: tables, columns, primary and foreign keys, indexes.
            DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance().createSnapshot(
                    new CatalogAndSchema(null, "lb_pgjet"), db, new SnapshotControl(db));
            ForeignKey fk = snapshot.get(ForeignKey.class).stream()
                    .filter(k -> k.getName().equals("lb_book_author_fk")).findFirst().orElseThrow();
            assertEquals("lb_author", fk.getPrimaryKeyTable().getName());
            assertEquals("author_id", fk.getForeignKeyColumns().get(0).getName());
            assertTrue(snapshot.get(Index.class).stream().anyMatch(i -> i.getName().equals("lb_book_title_idx")));
            liquibase.structure.core.Table author = snapshot.get(liquibase.structure.core.Table.class).stream()
                    .filter(t -> t.getName().equals("lb_author")).findFirst().orElseThrow();
            assertEquals("id", author.getPrimaryKey().getColumns().get(0).getName());
            assertTrue(author.getColumn("email") != null);

            // Rolling back the last two change sets runs the explicit rollback, then drops the index.
            liquibase.rollback(2, (String) null);
            assertEquals(0, count(c, "select count(*) from lb_pgjet.lb_author"));
            assertEquals(0, count(c, "select count(*) from pg_indexes where schemaname = 'lb_pgjet' and indexname = 'lb_book_title_idx'"));
            assertEquals(4, count(c, "select count(*) from lb_pgjet.databasechangelog"));

            // Running the changelog again applies only what was rolled back.
            liquibase.update(new Contexts(), new LabelExpression());
            assertEquals(6, count(c, "select count(*) from lb_pgjet.databasechangelog"));
            assertEquals(1, count(c, "select count(*) from lb_pgjet.lb_author"));
            liquibase.close();
        }
    }
}
