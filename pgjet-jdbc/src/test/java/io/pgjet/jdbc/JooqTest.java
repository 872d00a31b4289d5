package io.pgjet.jdbc;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real jOOQ runs typed DSL queries over a {@link PgJetDataSource} (pgjdbc is not on the class path). */
class JooqTest {
    private static final Table<Record> CUSTOMER = table(name("jooq_pgjet", "customer"));
    private static final Field<Integer> C_ID = field(name("customer", "id"), Integer.class);
    private static final Field<String> C_NAME = field(name("customer", "name"), String.class);
    private static final Field<LocalDate> C_SINCE = field(name("customer", "since"), LocalDate.class);
    private static final Table<Record> ORDERS = table(name("jooq_pgjet", "orders"));
    private static final Field<Integer> O_ID = field(name("orders", "id"), Integer.class);
    private static final Field<Integer> O_CUSTOMER = field(name("orders", "customer_id"), Integer.class);
    private static final Field<BigDecimal> O_AMOUNT = field(name("orders", "amount"), BigDecimal.class);

    private static DSLContext dsl;

    @BeforeAll
    static void schema() throws SQLException {
        Jdbc.sql("drop schema if exists jooq_pgjet cascade", "create schema jooq_pgjet",
                "create table jooq_pgjet.customer (id int primary key, name text not null, since date)",
                "create table jooq_pgjet.orders (id serial primary key,"
                        + " customer_id int not null references jooq_pgjet.customer, amount numeric(10,2) not null)");
        dsl = DSL.using(Jdbc.dataSource(), SQLDialect.POSTGRES);
    }

    @BeforeEach
    void empty() {
        dsl.truncate(ORDERS).cascade().execute();
        dsl.deleteFrom(CUSTOMER).execute();
    }

    @Test
    void insertsSelectsUpdatesAndDeletesTypedRows() {
        assertEquals(2, dsl.insertInto(CUSTOMER, C_ID, C_NAME, C_SINCE)
                .values(1, "Ada", LocalDate.of(2020, 1, 2)).values(2, "Grace", null).execute());
        Record2<String, LocalDate> ada = dsl.select(C_NAME, C_SINCE).from(CUSTOMER).where(C_ID.eq(1)).fetchOne();
        assertEquals("Ada", ada.value1());
        assertEquals(LocalDate.of(2020, 1, 2), ada.value2());
        assertNull(dsl.select(C_SINCE).from(CUSTOMER).where(C_ID.eq(2)).fetchOne(C_SINCE));

        assertEquals(1, dsl.update(CUSTOMER).set(C_NAME, "Grace Hopper").where(C_ID.eq(2)).execute());
        assertEquals("Grace Hopper", dsl.select(C_NAME).from(CUSTOMER).where(C_ID.eq(2)).fetchOne(C_NAME));

        Integer returned = dsl.insertInto(ORDERS, O_CUSTOMER, O_AMOUNT).values(1, new BigDecimal("9.99"))
                .returningResult(O_ID).fetchOne(O_ID);
        assertEquals(returned, dsl.select(O_ID).from(ORDERS).fetchOne(O_ID));

        assertEquals(1, dsl.deleteFrom(ORDERS).where(O_ID.eq(returned)).execute());
        assertEquals(1, dsl.deleteFrom(CUSTOMER).where(C_ID.eq(1)).execute());
        assertEquals(List.of(2), dsl.select(C_ID).from(CUSTOMER).fetch(C_ID));
    }

    @Test
    void joinsAndGroupsAcrossTables() {
        dsl.insertInto(CUSTOMER, C_ID, C_NAME).values(1, "Ada").values(2, "Grace").execute();
        dsl.insertInto(ORDERS, O_CUSTOMER, O_AMOUNT).values(1, new BigDecimal("1.50")).values(1, new BigDecimal("2.25"))
                .values(2, new BigDecimal("10.00")).execute();
        Result<Record2<String, BigDecimal>> totals = dsl.select(C_NAME, DSL.sum(O_AMOUNT))
                .from(CUSTOMER).join(ORDERS).on(O_CUSTOMER.eq(C_ID))
                .groupBy(C_NAME).orderBy(C_NAME).fetch();
        assertEquals(2, totals.size());
        assertEquals("Ada", totals.get(0).value1());
        assertEquals(0, new BigDecimal("3.75").compareTo(totals.get(0).value2()));
        assertEquals(0, new BigDecimal("10.00").compareTo(totals.get(1).value2()));
        assertEquals(1, dsl.selectCount().from(CUSTOMER).leftJoin(ORDERS).on(O_CUSTOMER.eq(C_ID))
                .where(O_ID.isNull().or(C_NAME.eq("Grace"))).fetchOne(0, Integer.class));
    }

    @Test
    void transactionCommitsOrRollsBackAsAWhole() {
        dsl.transaction(cfg -> DSL.using(cfg).insertInto(CUSTOMER, C_ID, C_NAME).values(10, "kept").execute());
        assertThrows(RuntimeException.class, () -> dsl.transaction(cfg -> {
            DSL.using(cfg).insertInto(CUSTOMER, C_ID, C_NAME).values(11, "undone").execute();
            DSL.using(cfg).insertInto(CUSTOMER, C_ID, C_NAME).values(10, "duplicate key").execute();
        }));
        assertEquals(List.of("kept"), dsl.select(C_NAME).from(CUSTOMER).fetch(C_NAME));
        // A nested transaction is a savepoint: its failure leaves the outer one's work.
        dsl.transaction(outer -> {
            DSL.using(outer).insertInto(CUSTOMER, C_ID, C_NAME).values(12, "outer").execute();
            assertThrows(RuntimeException.class, () -> DSL.using(outer).transaction(inner -> {
                DSL.using(inner).insertInto(CUSTOMER, C_ID, C_NAME).values(13, "inner").execute();
                throw new IllegalStateException("inner fails");
            }));
        });
        assertEquals(List.of(10, 12), dsl.select(C_ID).from(CUSTOMER).orderBy(C_ID).fetch(C_ID));
    }

    @Test
    void batchesBindValuesIntoOneStatement() {
        dsl.insertInto(CUSTOMER, C_ID, C_NAME).values(1, "Ada").execute();
        var insert = dsl.batch(dsl.insertInto(ORDERS, O_CUSTOMER, O_AMOUNT).values((Integer) null, null));
        for (int i = 1; i <= 50; i++) {
            insert.bind(1, new BigDecimal(i));
        }
        int[] counts = insert.execute();
        assertEquals(50, counts.length);
        assertEquals(50, dsl.fetchCount(ORDERS));
        assertEquals(0, new BigDecimal("1275").compareTo(dsl.select(DSL.sum(O_AMOUNT)).from(ORDERS).fetchOne(0, BigDecimal.class)));
        // A batch of distinct statements (jOOQ's static batch) runs them in order.
        int[] mixed = dsl.batch(dsl.update(CUSTOMER).set(C_NAME, "Ada L.").where(C_ID.eq(1)),
                dsl.deleteFrom(ORDERS).where(O_AMOUNT.gt(new BigDecimal(40)))).execute();
        assertArrayEquals(new int[] {1, 10}, mixed);
        assertEquals(40, dsl.select(count()).from(ORDERS).fetchOne(0, Integer.class));
    }
}
