package io.pgjet.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} to count the JDBC batches a framework sends through it
 * ({@code executeBatch} calls and the {@code addBatch} entries they carried), so a test can tell
 * that a tool really batched instead of running statements one by one.
 */
final class CountingDataSource {
    /** {@code executeBatch} calls on prepared statements. */
    final AtomicInteger batches = new AtomicInteger();
    /** {@code addBatch} calls on prepared statements. */
    final AtomicInteger batchedRows = new AtomicInteger();
    private final DataSource target;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Returns the counting view of the wrapped data source. */
    DataSource dataSource() {
        return proxy(DataSource.class, target);
    }

    private <T> T proxy(Class<T> type, T delegate) {
        InvocationHandler handler = (self, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> {
                    if (delegate instanceof PreparedStatement && (args == null || args.length == 0)) {
                        batchedRows.incrementAndGet();
                    }
                }
                case "executeBatch", "executeLargeBatch" -> batches.incrementAndGet();
                default -> { }
            }
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, c);
            }
            if (result instanceof PreparedStatement ps && method.getReturnType() == PreparedStatement.class) {
                return proxy(PreparedStatement.class, ps);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
