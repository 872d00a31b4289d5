package io.pgjet.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.LogCapture;
import io.pgjet.PgHost;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sentinel secret — as the password, and as a bound parameter value — never shows up in what
 * PgJet says: exception messages and their whole cause chains (stack traces included), every
 * System.Logger line at every level with its arguments rendered, {@code toString} of the
 * configuration, connection and pool, or a thread name. Covered: DSN errors, connect failures,
 * authentication failures, query errors and timeouts with the secret as a parameter, values
 * PgJet refuses to encode, failed batches. (Text PostgreSQL itself puts in an error, such as
 * "invalid input syntax for type integer: ..." quoting the input, is the server's and reaches
 * the caller as sent; the cases here keep the secret out of the server's text.)
 */
class RedactionTest {
    private static final String SECRET = "Sentinel-7f3a9c-Secret";
    private final SimpleFormatter formatter = new SimpleFormatter();
    private LogCapture logs;
    private List<String> said;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start(record -> "log " + record.getLevel() + ": " + formatter.format(record)); // message, arguments, stack trace
        said = logs.lines();
    }

    @AfterEach
    void nothingSaidTheSecret() {
        logs.close();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().contains(SECRET), "thread name: " + t.getName());
        }
        for (String s : said) {
            assertFalse(s.contains(SECRET), "the secret in: " + s);
        }
    }

    /** Records {@code e}'s whole chain the way a log would print it. */
    private void heard(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        said.add("exception: " + out);
    }

    private <T extends Throwable> T fails(Class<T> type, org.junit.jupiter.api.function.Executable action) {
        Throwable e = assertThrows(Throwable.class, action);
        heard(e);
        Throwable root = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        assertTrue(type.isInstance(root), "expected " + type.getSimpleName() + ", got " + root);
        return type.cast(root);
    }

    private static PgServer server() {
        return PgTestServer.shared();
    }

    private static ConnectionConfig withPassword(String password) {
        return ConnectionConfig.parse(server().dsn()).toBuilder().password(password).build();
    }

    @Test
    void aWrongPasswordIsNotInTheAuthenticationFailureOrTheLogs() {
        ConnectionConfig wrong = withPassword(SECRET);
        said.add("config: " + wrong);
        fails(PgJetException.class, () -> PgJet.connect(wrong).close());
        fails(PgJetException.class, () -> PgJet.connectAsync(wrong).join().close());
        fails(PgJetException.class, () -> PgJet.createPool(wrong, PoolOptions.DEFAULT.withSize(1, 1)).close());
    }

    @Test
    void connectFailuresAndDsnErrorsDoNotShowThePassword() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        ConnectionConfig dead = withPassword(SECRET).toBuilder().hosts(List.of(new PgHost("127.0.0.1", deadPort)))
                .connectTimeout(Duration.ofSeconds(3)).build();
        fails(PgJetException.class, () -> PgJet.connect(dead).close());
        fails(PgJetException.class, () -> PgJet.connectAsync(dead).join().close());
        List<String> badDsns = new ArrayList<>(List.of(
                "postgresql://u:" + SECRET + "@h:54x2/db",
                "postgresql://u:" + SECRET + "@h/db?sslmode=" + SECRET,
                "postgresql://u:" + SECRET + "@h/db?no_such_option=1",
                "host=h user=u password=" + SECRET + " port=" + SECRET.substring(3, 9),
                "host=h user=u password='" + SECRET + "' connect_timeout=x",
                "host=h user=u password=" + SECRET + "' unterminated"));
        for (String dsn : badDsns) {
            fails(PgJetException.class, () -> ConnectionConfig.parse(dsn));
        }
    }

    @Test
    void queryErrorsTimeoutsAndRefusedValuesDoNotShowTheParameters() {
        ConnectionConfig config = ConnectionConfig.parse(server().dsn());
        String password = config.password();
        assertNotNull(password, "the shared server authenticates with a password");
        try (Connection conn = PgJet.connect(config); Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(1, 1))) {
            said.add("connection: " + conn + " pool: " + pool + " config: " + config);
            // a server error whose text is about something else than the secret argument
            fails(PgJetException.class, () -> conn.fetch("select 1 / 0 where $1::text is not null", SECRET));
            fails(PgJetException.class, () -> pool.fetch("select 1 / 0 where $1::text is not null", SECRET));
            // a timeout of a query carrying the secret
            fails(PgJetException.class, () -> conn.withTimeout(Duration.ofMillis(50))
                    .fetch("select pg_sleep(2) where $1::text is not null", SECRET));
            // values PgJet refuses before sending
            fails(PgJetException.class, () -> conn.fetchVal("select $1::int", new BigInteger(digits())));
            fails(PgJetException.class, () -> conn.fetchVal("select $1::int", new Object() {
                @Override
                public String toString() {
                    return SECRET;
                }
            }));
            fails(PgJetException.class, () -> conn.fetchVal("select $1::bytea", 42L));
            // a batch whose third set fails on the server (on something else than the secret)
            conn.execute("create temp table redaction_batch (k int primary key, v text)");
            List<Object[]> sets = List.of(new Object[] {1, SECRET}, new Object[] {2, SECRET}, new Object[] {1, SECRET});
            fails(PgJetException.class, () -> conn.executeMany("insert into redaction_batch values ($1, $2)", sets));
            // too many arguments, too few
            fails(PgJetException.class, () -> conn.fetch("select $1::text", SECRET, SECRET));
            said.add("connection after: " + conn + " pool: " + pool);
            // the capture works: PgJet did log (connects, the pool) and the failures were recorded
            assertTrue(said.stream().anyMatch(l -> l.startsWith("log ")), "no log line captured");
            assertTrue(said.stream().filter(l -> l.startsWith("exception: ")).count() >= 8, "failures not recorded");
            for (String s : said) {
                assertFalse(s.contains(password), "the password in: " + s);
            }
        }
    }

    /** A number too large for int4 whose digits are derived from nothing secret, then checked. */
    private static String digits() {
        return "9".repeat(30);
    }
}
