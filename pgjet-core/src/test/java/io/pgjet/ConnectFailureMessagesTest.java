package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
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
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("postgresql://u:secretpw@127.0.0.1:" + port + "/db?sslmode=disable"));
        assertEquals("connection to server at \"127.0.0.1\", port " + port + " failed: Connection refused" + TCP_HINT,
                e.getMessage());
    }

    @Test
    void missingUnixSocketNamesTheSocketFileReasonAndHint(@TempDir Path emptyDirectory) {
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("host=" + emptyDirectory + " port=5432 user=u dbname=db"));
        assertEquals("connection to server on socket \"" + emptyDirectory + "/.s.PGSQL.5432\" failed: No such file or directory"
                + SOCKET_HINT, e.getMessage());
    }

    @Test
    void hostNameShowsTheAddressItResolvedTo() throws IOException {
        int port = closedPort();
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("postgresql://u@localhost:" + port + "/db?sslmode=disable"));
        // localhost may resolve to 127.0.0.1, ::1 or both: libpq reports every address it tried.
        for (String entry : e.getMessage().split("\n(?!\t)")) {
            assertTrue(entry.matches("connection to server at \"localhost\" \\((127\\.0\\.0\\.1|::1)\\), port " + port
                    + " failed: Connection refused" + Pattern.quote(TCP_HINT)), entry);
        }
    }

    @Test
    void hostaddrIsShownInsteadOfTheHostName() throws IOException {
        int port = closedPort();
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("host=db.example.invalid hostaddr=127.0.0.1 port=" + port + " user=u sslmode=disable"));
        assertEquals("connection to server at \"127.0.0.1\", port " + port + " failed: Connection refused" + TCP_HINT,
                e.getMessage());
    }

    @Test
    void everyHostOfAMultiHostListIsReportedInOrder(@TempDir Path emptyDirectory) throws IOException {
        int first = closedPort();
        int second = closedPort();
        PgConnectionException e = assertThrows(PgConnectionException.class, () -> PgJet.connect(
                "host=127.0.0.1,127.0.0.1," + emptyDirectory + " port=" + first + "," + second + ",5433 user=u password=secretpw"
                        + " sslmode=disable"));
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
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("postgresql://u@no-such-host.invalid:5432/db?sslmode=disable"));
        assertTrue(e.getMessage().startsWith("could not translate host name \"no-such-host.invalid\" to address: "),
                e.getMessage());
        assertFalse(e.getMessage().endsWith(": "), e.getMessage());
    }

    /** Returns a loopback port nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
