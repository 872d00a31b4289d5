package io.pgjet.cli.soak;

import io.pgjet.Connection;
import io.pgjet.Row;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches the workers wrote: each batch is {@link #BATCH} rows of the soak table with the
 * same batch number, written all-or-nothing (a transaction or one COPY). A batch whose commit
 * was reported to the caller must be in the table, whole; one whose commit answer was lost to a
 * fault may be there or not, but whole. Rows written with batch {@link #ROLLED_BACK} are always
 * rolled back (a transaction or a savepoint) and must never be there.
 */
final class Ledger {
    /** Rows per batch. */
    static final int BATCH = 20;
    /** The batch number of rows that are always rolled back. */
    static final int ROLLED_BACK = -1;

    private final String table;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();

    Ledger(String table) {
        this.table = table;
    }

    /** {@return the table, a plain lower-case identifier} */
    String table() {
        return table;
    }

    /** Creates the table afresh. */
    void create(Connection conn) {
        conn.execute("drop table if exists " + table + "; create table " + table
                + " (batch int not null, n int not null, v text)");
    }

    /** {@return a new batch number} */
    int begin() {
        return next.incrementAndGet();
    }

    /** Records that the commit of {@code batch} was reported to the caller. */
    void committed(int batch) {
        committed.add(batch);
    }

    /** Compares the ledger with the table. */
    Check check(Connection conn) {
        long rolledBack = conn.<Long>fetchVal("select count(*) from " + table + " where batch = $1", ROLLED_BACK);
        Map<Integer, Long> present = new HashMap<>();
        for (Row r : conn.fetch("select batch, count(*) from " + table + " where batch > 0 group by batch")) {
            present.put(r.getInt(0), r.getLong(1));
        }
        Set<Integer> lost = new TreeSet<>();
        for (int batch : committed) {
            if (!present.containsKey(batch)) {
                lost.add(batch);
            }
        }
        Set<Integer> partial = new TreeSet<>();
        present.forEach((batch, rows) -> {
            if (rows != BATCH) {
                partial.add(batch);
            }
        });
        return new Check(next.get(), committed.size(), present.size(), lost, partial, rolledBack);
    }

    /**
     * The ledger against the table.
     *
     * @param attempted batches begun
     * @param committed batches whose commit was reported
     * @param present batches in the table
     * @param lost batches reported committed but missing
     * @param partial batches in the table with fewer or more than {@link #BATCH} rows
     * @param rolledBackRows rows of rolled-back work found in the table
     */
    record Check(int attempted, int committed, int present, Set<Integer> lost, Set<Integer> partial, long rolledBackRows) {
        /** {@return whether nothing was lost, partial or wrongly kept} */
        boolean clean() {
            return lost.isEmpty() && partial.isEmpty() && rolledBackRows == 0;
        }
    }
}
