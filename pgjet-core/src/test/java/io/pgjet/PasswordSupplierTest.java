package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password supplier is asked at every connect and wins over a fixed password, so rotating
 * credentials (cloud IAM tokens) reach a pool's new connections; its failures name the supplier,
 * never a value; {@code toString} shows only that one is set.
 */
class PasswordSupplierTest {
    private static final String ROLE = "pgjet_rotating";
    private static Connection admin;

    @BeforeAll
    static void createRole() {
        admin = PgJet.connect(PgTestServer.shared().dsn());
        admin.execute("drop role if exists " + ROLE);
        admin.execute("create role " + ROLE + " login password 'first-Secret-1'");
    }

    @AfterAll
    static void dropRole() {
        admin.execute("drop role if exists " + ROLE);
        admin.close();
    }

    private static ConnectionConfig.Builder asRole(Supplier<String> supplier) {
        return ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder().user(ROLE).database("postgres")
                .password("not-the-password").passwordSupplier(supplier);
    }

    @Test
    void supplierIsAskedAtEveryConnectAndWinsOverTheFixedPassword() {
        AtomicInteger calls = new AtomicInteger();
        ConnectionConfig config = asRole(() -> {
            calls.incrementAndGet();
            return "first-Secret-1";
        }).sslMode(SslMode.REQUIRE).build();
        for (int i = 1; i <= 3; i++) {
            try (Connection c = PgJet.connect(config)) {
                assertEquals(ROLE, c.fetchVal("select current_user"));
            }
            assertEquals(i, calls.get());
        }
    }

    @Test
    void poolsNewConnectionsUseTheRotatedPassword() throws Exception {
        AtomicReference<String> token = new AtomicReference<>("first-Secret-1");
        try (Pool pool = PgJet.createPool(asRole(token::get).build(), PoolOptions.DEFAULT.withSize(0, 2))) {
            try (Connection old = pool.acquire()) {
                assertEquals(ROLE, old.fetchVal("select current_user"));
                admin.execute("alter role " + ROLE + " password 'second-Secret-2'");
                token.set("second-Secret-2");
                // An open connection stays authenticated; a new one must use the new password.
                try (Connection fresh = pool.acquire()) {
                    assertTrue((Integer) fresh.fetchVal("select pg_backend_pid()") != (Integer) old.fetchVal("select pg_backend_pid()"));
                }
            }
            pool.expireConnections();
            assertEquals(ROLE, pool.fetchVal("select current_user"));
            token.set("first-Secret-1"); // the old password no longer works
            pool.expireConnections();
            PgException e = assertThrows(PgException.class, () -> pool.fetchVal("select 1"));
            assertEquals("28P01", e.sqlState());
        } finally {
            admin.execute("alter role " + ROLE + " password 'first-Secret-1'");
        }
    }

    @Test
    void aThrowingSupplierFailsTheConnectNamingTheSupplierNotTheValue() {
        ConnectionConfig config = asRole(() -> {
            throw new IllegalStateException("token service down: leaked-Secret-9");
        }).build();
        PgAuthenticationException e = assertThrows(PgAuthenticationException.class, () -> PgJet.connect(config));
        assertTrue(e.getMessage().contains("password supplier"), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
        assertFalse(e.getMessage().contains("leaked-Secret-9"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);

        PgAuthenticationException empty = assertThrows(PgAuthenticationException.class,
                () -> PgJet.connect(asRole(() -> null).build()));
        assertTrue(empty.getMessage().contains("returned null"), empty.getMessage());
    }

    @Test
    void toStringShowsThatASupplierIsSetWithoutCallingIt() {
        ConnectionConfig config = asRole(() -> {
            throw new AssertionError("toString must not call the supplier");
        }).build();
        String text = config.toString();
        assertTrue(text.contains("passwordSupplier=<set>"), text);
        assertFalse(text.contains("not-the-password"), text);
        assertEquals(config, config.toBuilder().build());
    }
}
