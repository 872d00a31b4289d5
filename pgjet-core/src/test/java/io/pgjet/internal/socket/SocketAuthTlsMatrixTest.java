package io.pgjet.internal.socket;

import io.pgjet.ConnectionConfig;
import io.pgjet.internal.AuthTlsMatrixTest;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.Servers;

/**
 * The whole authentication and TLS matrix again over the caller-driven transport, which does
 * its own TLS (the JDK's SSLSocket) and startup exchange.
 */
class SocketAuthTlsMatrixTest extends AuthTlsMatrixTest {
    @Override
    protected RealConnection connect(String dsn) {
        return Servers.await(RealConnection.connect(ConnectionConfig.parse(dsn), SocketDialer.INSTANCE));
    }
}
