package io.pgjet.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The per-connection cache of translated SQL: reuse, least-recently-used eviction, long texts not kept. */
class SqlTextCacheTest {

    @Test
    void repeatedTextIsTranslatedOnce() {
        SqlTextCache cache = new SqlTextCache(4);
        SqlText first = cache.get("select ? where {fn ucase('a')} = 'A'");
        assertSame(first, cache.get("select ? where {fn ucase('a')} = 'A'"));
        assertEquals("select $1 where upper('a') = 'A'", first.sql());
    }

    @Test
    void leastRecentlyUsedTextIsEvictedBeyondCapacity() {
        SqlTextCache cache = new SqlTextCache(2);
        SqlText one = cache.get("select 1");
        SqlText two = cache.get("select 2");
        assertSame(one, cache.get("select 1")); // now the most recent
        cache.get("select 3"); // evicts "select 2", the least recently used
        assertSame(one, cache.get("select 1"));
        assertNotSame(two, cache.get("select 2"));
    }

    @Test
    void veryLongTextIsNotKept() {
        SqlTextCache cache = new SqlTextCache(2);
        String script = "select 1;" + " ".repeat(10_000);
        assertNotSame(cache.get(script), cache.get(script));
    }
}
