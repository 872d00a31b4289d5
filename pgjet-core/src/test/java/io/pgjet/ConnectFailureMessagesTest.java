package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that cannot be made is reported in libpq's words: the server tried (host, resolved
 * address, port, or socket file), the operating system's reason and libpq's hint, once per
 * attempted host. Closed loopback ports and a socket directory without a socket stand in for
 * servers that are down.
 */
class ConnectFailureMessagesTest {
    private static final String TCP_HINT = "\n\tIs the server running on that host and accepting TCP/IP connections?";
    private static final String SOCKET_HINT = "\n\tIs the server running locally and accepting connections on that socket?";

    @Test
    void closedPortNamesHostPortReasonAndHint() throws IOException {
        int port = closedPort();
        PgConnectionException e = failure("postgresql://u:secretpw@127.0.0.1:" + port + "/db?sslmode=disable");
        assertEquals("connection to server at \"127.0.0.1\", port " + port + " failed: Connection refused" + TCP_HINT,
                e.getMessage());
    }

    @Test
    void missingUnixSocketNamesTheSocketFileReasonAndHint(@TempDir Path emptyDirectory) {
        PgConnectionException e = failure("host=" + emptyDirectory + " port=5432 user=u dbname=db");
        assertEquals("connection to server on socket \"" + emptyDirectory + "/.s.PGSQL.5432\" failed: No such file or directory"
                + SOCKET_HINT, e.getMessage());
    }

    @Test
    void hostNameShowsTheAddressItResolvedTo() throws IOException {
        int port = closedPort();
        PgConnectionException e = failure("postgresql://u@localhost:" + port + "/db?sslmode=disable");
        // localhost may resolve to 127.0.0.1, ::1 or both: libpq reports every address it tried.
        for (String entry : e.getMessage().split("\n(?!\t)")) {
            assertTrue(entry.matches("connection to server at \"localhost\" \\((127\\.0\\.0\\.1|::1)\\), port " + port
                    + " failed: Connection refused" + Pattern.quote(TCP_HINT)), entry);
        }
    }

    @Test
    void hostaddrIsShownInsteadOfTheHostName() throws IOException {
        int port = closedPort();
        PgConnectionException e = failure("host=db.example.invalid hostaddr=127.0.0.1 port=" + port + " user=u sslmode=disable");
        assertEquals("connection to server at \"127.0.0.1\", port " + port + " failed: Connection refused" + TCP_HINT,
                e.getMessage());
    }

    @Test
    void everyHostOfAMultiHostListIsReportedInOrder(@TempDir Path emptyDirectory) throws IOException {
        int first = closedPort();
        int second = closedPort();
        PgConnectionException e = failure(
                "host=127.0.0.1,127.0.0.1," + emptyDirectory + " port=" + first + "," + second + ",5433 user=u password=secretpw"
                        + " sslmode=disable");
        assertEquals(String.join("\n",
                "connection to server at \"127.0.0.1\", port " + first + " failed: Connection refused" + TCP_HINT,
                "connection to server at \"127.0.0.1\", port " + second + " failed: Connection refused" + TCP_HINT,
                "connection to server on socket \"" + emptyDirectory + "/.s.PGSQL.5433\" failed: No such file or directory"
                        + SOCKET_HINT), e.getMessage());
        assertFalse(e.getMessage().contains("secretpw"));
        assertEquals(2, Arrays.stream(e.getSuppressed()).filter(PgConnectionException.class::isInstance).count(),
                "the other hosts' failures are kept as suppressed exceptions");
    }

    @Test
    void unknownHostNameSaysItCouldNotBeTranslated() {
        String dsn = "postgresql://u@no-such-host.invalid:5432/db?sslmode=disable";
        // Not compared with each other: the JDK caches the failed lookup and loses the resolver's words.
        PgConnectionException blocking = assertThrows(PgConnectionException.class, () -> PgJet.connect(dsn));
        CompletionException async = assertThrows(CompletionException.class, () -> PgJet.connectAsync(dsn).join());
        for (Throwable e : new Throwable[] {blocking, async.getCause()}) {
            assertInstanceOf(PgConnectionException.class, e);
            assertTrue(e.getMessage().matches("could not translate host name \"no-such-host\\.invalid\" to address: \\S.*"),
                    e.getMessage());
            assertFalse(e.getMessage().endsWith("to address: no-such-host.invalid"), e.getMessage());
        }
    }

    /**
     * Connects through both doors, the blocking {@code connect} and {@code connectAsync} (each
     * may use its own transport), and returns the failure after checking both say the same.
     */
    private static PgConnectionException failure(String dsn) {
        PgConnectionException blocking = assertThrows(PgConnectionException.class, () -> PgJet.connect(dsn));
        CompletionException async = assertThrows(CompletionException.class, () -> PgJet.connectAsync(dsn).join());
        assertInstanceOf(PgConnectionException.class, async.getCause());
        assertEquals(blocking.getMessage(), async.getCause().getMessage(), "connect and connectAsync word it alike");
        return blocking;
    }

    /** Returns a loopback port nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
