package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real Spring {@link JdbcTemplate} with {@link TransactionTemplate} over a
 * {@link DataSourceTransactionManager}, on a {@link PgJetDataSource} (pgjdbc is not on the class path).
 */
class SpringJdbcTest {
    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactions;

    @BeforeAll
    static void schema() throws SQLException {
        Jdbc.sql("drop table if exists spring_account",
                "create table spring_account (id serial primary key, owner text unique not null, balance int not null)");
        PgJetDataSource ds = Jdbc.dataSource();
        jdbc = new JdbcTemplate(ds);
        transactions = new DataSourceTransactionManager(ds);
    }

    @BeforeEach
    void empty() {
        jdbc.update("truncate spring_account restart identity");
    }

    private static List<String> owners() {
        return jdbc.queryForList("select owner from spring_account order by owner", String.class);
    }

    @Test
    void templateQueriesUpdatesBatchesAndReturnsKeys() {
        assertEquals(1, jdbc.update("insert into spring_account (owner, balance) values (?, ?)", "ada", 10));
        int[] counts = jdbc.batchUpdate("insert into spring_account (owner, balance) values (?, ?)",
                List.of(new Object[] {"bob", 20}, new Object[] {"cy", 30}));
        assertEquals(2, counts.length);
        assertEquals(60, jdbc.queryForObject("select sum(balance) from spring_account", Integer.class));
        Map<String, Object> ada = jdbc.queryForMap("select owner, balance from spring_account where owner = ?", "ada");
        assertEquals(10, ada.get("balance"));
        List<Integer> balances = jdbc.query("select balance from spring_account where balance > ? order by 1",
                (rs, i) -> rs.getInt(1), 15);
        assertEquals(List.of(20, 30), balances);

        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        new NamedParameterJdbcTemplate(jdbc).update("insert into spring_account (owner, balance) values (:o, :b)",
                new MapSqlParameterSource().addValue("o", "dee").addValue("b", 5), keys, new String[] {"id"});
        assertEquals(4, keys.getKey().intValue());
        assertThrows(DuplicateKeyException.class,
                () -> jdbc.update("insert into spring_account (owner, balance) values (?, ?)", "ada", 1));
    }

    @Test
    void transactionCommitsOnSuccess() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into spring_account (owner, balance) values ('ada', 1)");
            jdbc.update("insert into spring_account (owner, balance) values ('bob', 2)");
        });
        assertEquals(List.of("ada", "bob"), owners());
    }

    @Test
    void transactionRollsBackOnException() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
            jdbc.update("insert into spring_account (owner, balance) values ('ada', 1)");
            throw new IllegalStateException("business failure");
        }));
        assertThrows(DuplicateKeyException.class, () -> tx.executeWithoutResult(status -> {
            jdbc.update("insert into spring_account (owner, balance) values ('bob', 1)");
            jdbc.update("insert into spring_account (owner, balance) values ('bob', 2)");
        }));
        assertEquals(List.of(), owners());
        // The pooled-style connection is left in auto-commit and usable.
        jdbc.update("insert into spring_account (owner, balance) values ('cy', 3)");
        assertEquals(List.of("cy"), owners());
    }

    @Test
    void nestedPropagationRollsBackToASavepointOnly() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        outer.executeWithoutResult(status -> {
            jdbc.update("insert into spring_account (owner, balance) values ('outer', 1)");
            assertThrows(DuplicateKeyException.class, () -> nested.executeWithoutResult(inner -> {
                jdbc.update("insert into spring_account (owner, balance) values ('inner', 2)");
                jdbc.update("insert into spring_account (owner, balance) values ('outer', 3)");
            }));
            nested.executeWithoutResult(inner -> jdbc.update("insert into spring_account (owner, balance) values ('kept', 4)"));
            // After the savepoint rollback the outer transaction is healthy again.
            assertEquals(5, jdbc.queryForObject("select sum(balance) from spring_account", Integer.class));
        });
        assertEquals(List.of("kept", "outer"), owners());

        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThrows(IllegalStateException.class, () -> outer.executeWithoutResult(status -> {
            jdbc.update("insert into spring_account (owner, balance) values ('doomed', 1)");
            requiresNew.executeWithoutResult(inner -> jdbc.update("insert into spring_account (owner, balance) values ('independent', 1)"));
            throw new IllegalStateException("outer fails");
        }));
        assertTrue(owners().contains("independent"));
        assertTrue(!owners().contains("doomed"));
    }
}
