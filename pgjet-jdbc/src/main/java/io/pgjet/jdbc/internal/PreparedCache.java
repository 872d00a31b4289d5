package io.pgjet.jdbc.internal;

import io.pgjet.Connection;
import io.pgjet.PgJetException;
import io.pgjet.PreparedStatement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-prepared statements of one JDBC connection, by SQL text, least recently used first.
 * They are what give the driver each statement's parameter types (to convert JDBC values) and
 * result columns (for metadata of empty results), and they make a repeated statement cost one
 * round trip. Evicted statements are closed on the server. Used by one thread at a time (the JDBC
 * connection's lock holder).
 */
final class PreparedCache {
    private final Connection connection;
    private final int capacity;
    private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

    PreparedCache(Connection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
    }

    /** Returns the statement for {@code sql}, preparing it (two round trips) on first use. */
    PreparedStatement get(String sql) {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepare(sql);
            statements.put(sql, statement);
            evictBeyondCapacity();
        }
        return statement;
    }

    /** Forgets (and closes) the statement for {@code sql}, e.g. after the server invalidated its plan. */
    void invalidate(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    /** Forgets every statement without talking to the server (the connection is closing). */
    void clear() {
        statements.clear();
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, PreparedStatement>> oldest = statements.entrySet().iterator();
        while (statements.size() > capacity && oldest.hasNext()) {
            PreparedStatement statement = oldest.next().getValue();
            oldest.remove();
            closeQuietly(statement);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (PgJetException e) {
            // The statement is gone either way; a failure here must not fail the caller's query.
        }
    }
}
