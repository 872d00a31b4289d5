package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import io.pgjet.ConnectionConfig;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Helpers for engine tests: the shared server of this test JVM and short waits. */
public final class Servers {
    private Servers() {}

    static PgServer shared() {
        return PgTestServer.shared();
    }

    static RealConnection connect() {
        return connect(shared().dsn());
    }

    static RealConnection connect(String dsn) {
        return await(RealConnection.connect(ConnectionConfig.parse(dsn)));
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
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

    static String single(StatementResult result) {
        return result.rows().get(0).getString(0);
    }
}
