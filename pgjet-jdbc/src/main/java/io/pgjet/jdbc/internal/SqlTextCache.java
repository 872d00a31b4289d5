package io.pgjet.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The translations ({@link SqlText}) of the SQL strings one JDBC connection saw recently, so the
 * pattern pools and frameworks use, {@code prepareStatement} on every borrow, does not lex the
 * same text again each time. Least recently used out beyond its capacity; {@link SqlText} is
 * immutable, so a cached one is shared freely. Thread-safe (statements may be created on any thread).
 */
final class SqlTextCache {
    /** Longer texts (scripts, generated multi-row inserts) are lexed each time rather than kept. */
    private static final int MAX_CACHED_LENGTH = 8192;
    private final Map<String, SqlText> texts;

    SqlTextCache(int capacity) {
        this.texts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SqlText> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns the translation of {@code sql} with escapes processed. */
    SqlText get(String sql) {
        if (sql.length() > MAX_CACHED_LENGTH) {
            return SqlText.parse(sql);
        }
        synchronized (texts) {
            SqlText text = texts.get(sql);
            if (text == null) {
                text = SqlText.parse(sql);
                texts.put(sql, text);
            }
            return text;
        }
    }
}
