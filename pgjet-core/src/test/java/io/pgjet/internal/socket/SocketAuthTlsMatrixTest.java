package io.pgjet.internal.socket;

import io.pgjet.ConnectionConfig;
import io.pgjet.internal.AuthTlsMatrixTest;
import io.pgjet.internal.conn.RealConnection;
import java.util.concurrent.TimeUnit;

/**
 * The whole authentication and TLS matrix again over the caller-driven transport, which does
 * its own TLS (the JDK's SSLSocket) and startup exchange.
 */
class SocketAuthTlsMatrixTest extends AuthTlsMatrixTest {
    @Override
    protected RealConnection connect(String dsn) {
        try {
            return RealConnection.connect(ConnectionConfig.parse(dsn), SocketDialer.INSTANCE).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new AssertionError(cause);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
