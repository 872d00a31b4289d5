package io.pgjet.internal.conn;

import io.pgjet.internal.engine.StatementRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-connection LRU cache of named prepared statements, keyed by SQL text, with a size
 * limit, a maximum lifetime and a maximum cacheable SQL length (like asyncpg's). Evicted
 * statements are returned to the caller so it can close them on the server.
 *
 * <p>Thread-safe; the lock is held only for map operations, never while waiting on I/O.
 */
final class StatementCache {
    private final int capacity;
    private final long maxLifetimeNanos;
    private final int maxSqlLength;
    private final AtomicLong names = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, StatementRef> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** Result of a lookup: the statement, whether it must be prepared, and what was evicted. */
    record Lookup(StatementRef statement, boolean needsPrepare, List<StatementRef> evicted) {}

    StatementCache(int capacity, long maxLifetimeNanos, int maxSqlLength) {
        this.capacity = capacity;
        this.maxLifetimeNanos = maxLifetimeNanos;
        this.maxSqlLength = maxSqlLength;
    }

    /** Returns whether {@code sql} may be cached at all. */
    boolean accepts(String sql) {
        return capacity > 0 && sql.length() <= maxSqlLength;
    }

    /** Finds or creates the cached statement for {@code sql}. */
    Lookup lookup(String sql) {
        List<StatementRef> evicted = List.of();
        lock.lock();
        try {
            StatementRef existing = entries.get(sql);
            if (existing != null && existing.failure() == null && !expired(existing)) {
                return new Lookup(existing, false, evicted);
            }
            if (existing != null) {
                entries.remove(sql);
                evicted = new ArrayList<>(List.of(existing));
            }
            StatementRef created = new StatementRef("pgjet_" + names.incrementAndGet(), sql);
            entries.put(sql, created);
            if (entries.size() > capacity) {
                if (evicted.isEmpty()) {
                    evicted = new ArrayList<>();
                }
                Iterator<Map.Entry<String, StatementRef>> oldest = entries.entrySet().iterator();
                while (entries.size() > capacity && oldest.hasNext()) {
                    evicted.add(oldest.next().getValue());
                    oldest.remove();
                }
            }
            return new Lookup(created, true, evicted);
        } finally {
            lock.unlock();
        }
    }

    /** Drops {@code statement} if it is still the cached one for its SQL (e.g. it failed). */
    void invalidate(StatementRef statement) {
        lock.lock();
        try {
            entries.remove(statement.sql(), statement);
        } finally {
            lock.unlock();
        }
    }

    /** Removes every entry and returns them, for {@code reloadSchemaState()}. */
    List<StatementRef> clear() {
        lock.lock();
        try {
            List<StatementRef> all = new ArrayList<>(entries.values());
            entries.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    private boolean expired(StatementRef statement) {
        return maxLifetimeNanos > 0 && System.nanoTime() - statement.createdNanos() > maxLifetimeNanos;
    }
}
