package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.PgHost;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * The libpq wording for each transport's exceptions: Netty's native and NIO transports and the
 * JDK's sockets throw different types and texts for the same operating-system error.
 */
class ConnectFailuresTest {

    @Test
    void reasonIsTheOperatingSystemsWordsWhateverTheTransport() {
        // Netty epoll: the native call, the errno, and an annotation with the address around it
        ConnectException nativeRefused = new ConnectException("finishConnect(..) failed with error(-111): Connection refused");
        ConnectException annotated = new ConnectException("finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:1");
        annotated.initCause(nativeRefused);
        assertEquals("Connection refused", ConnectFailures.reason(annotated));
        assertEquals("Connection refused", ConnectFailures.reason(new ConnectException("connect(..) failed: Connection refused")));
        // NIO and java.net.Socket
        assertEquals("Connection refused", ConnectFailures.reason(new ConnectException("Connection refused")));
        assertEquals("No route to host", ConnectFailures.reason(new NoRouteToHostException("No route to host")));
        assertEquals("No such file or directory", ConnectFailures.reason(new SocketException("No such file or directory")));
        // Netty epoll's domain socket: ENOENT as a FileNotFoundException without a message
        assertEquals("No such file or directory", ConnectFailures.reason(new FileNotFoundException()));
        assertEquals("SocketException", ConnectFailures.reason(new SocketException()));
        // Netty's connect timeout, annotated with the address the target already names
        assertEquals("connection timed out after 2000 ms",
                ConnectFailures.reason(new ConnectException("connection timed out after 2000 ms: db.example/10.0.0.7:5432")));
        assertEquals("Connection refused", ConnectFailures.reason(new ConnectException("Connection refused: /[0:0:0:0:0:0:0:1]:1")));
    }

    @Test
    void tcpTargetShowsTheResolvedAddressOnlyWhenItAddsSomething() throws UnknownHostException {
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress v6 = InetAddress.getByName("::1");
        assertEquals("connection to server at \"db\" (127.0.0.1), port 5432", ConnectFailures.tcpTarget("db", null, v4, 5432));
        assertEquals("connection to server at \"localhost\" (::1), port 5432", ConnectFailures.tcpTarget("localhost", null, v6, 5432));
        assertEquals("connection to server at \"127.0.0.1\", port 1", ConnectFailures.tcpTarget("127.0.0.1", null, v4, 1));
        assertEquals("connection to server at \"::1\", port 1", ConnectFailures.tcpTarget("::1", null, v6, 1));
        assertEquals("connection to server at \"10.1.2.3\", port 5432", ConnectFailures.tcpTarget("db", "10.1.2.3", v4, 5432));
        assertEquals("connection to server at \"db\", port 5432", ConnectFailures.tcpTarget("db", null, null, 5432));
    }

    @Test
    void ipv6AddressesAreWrittenAsInetNtopDoes() throws UnknownHostException {
        assertEquals("2001:db8::1", ConnectFailures.numeric(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
        assertEquals("2001:db8:0:1::", ConnectFailures.numeric(InetAddress.getByName("2001:db8:0:1:0:0:0:0")));
        assertEquals("::", ConnectFailures.numeric(InetAddress.getByName("::")));
        assertEquals("2001:0:1:0:1:0:1:0", ConnectFailures.numeric(InetAddress.getByName("2001:0:1:0:1:0:1:0")));
        assertEquals("1:0:0:4::8", ConnectFailures.numeric(InetAddress.getByName("1:0:0:4:0:0:0:8")));
    }

    @Test
    void targetOfAHostUsesItsSocketFileOrAddress() throws UnknownHostException {
        assertEquals("connection to server on socket \"/run/pg/.s.PGSQL.5433\"",
                ConnectFailures.target(new PgHost("/run/pg", 5433), null));
        assertEquals("connection to server at \"db\" (127.0.0.1), port 6432", ConnectFailures.target(new PgHost("db", 6432),
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6432)));
    }

    @Test
    void otherFailuresOfAHostArePrefixedWithItsTarget() {
        String target = ConnectFailures.tcpTarget("db", null, null, 5432);
        assertEquals("connection to server at \"db\", port 5432 failed: no host matched target_session_attrs=primary",
                ConnectFailures.forHost(target, "no host matched target_session_attrs=primary"));
        String refused = ConnectFailures.connectFailed(target, false, new ConnectException("Connection refused"));
        assertEquals(refused, ConnectFailures.forHost(target, refused));
        assertEquals("could not translate host name \"db\" to address: Name or service not known",
                ConnectFailures.unresolved("db", new UnknownHostException("db: Name or service not known")));
        assertEquals("could not translate host name \"db\" to address: unknown host name",
                ConnectFailures.unresolved("db", new UnknownHostException("db"))); // from the JDK's negative cache
    }
}
