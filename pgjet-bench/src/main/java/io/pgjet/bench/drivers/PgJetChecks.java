package io.pgjet.bench.drivers;

import io.pgjet.Row;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.WideChecksum;
import java.util.List;

/** Decodes and checks PgJet results, shared by the asynchronous and the blocking contestant. */
final class PgJetChecks {
    private PgJetChecks() {
    }

    static long point(List<Row> rows) {
        CheckFailedException.expect("point rows", 1, rows.size());
        CheckFailedException.expect("abalance", 0, PgJetValues.int4(rows.get(0), 0));
        return 1;
    }

    static long select1(List<Row> rows) {
        CheckFailedException.expect("select 1 rows", 1, rows.size());
        CheckFailedException.expect("select 1 value", 1, PgJetValues.int4(rows.get(0), 0));
        return 1;
    }

    static long series(List<Row> rows) {
        long sum = 0;
        for (int i = 0, n = rows.size(); i < n; i++) {
            sum += PgJetValues.int4(rows.get(i), 0);
        }
        CheckFailedException.expect("series rows", BenchData.SERIES_ROWS, rows.size());
        CheckFailedException.expect("series sum", BenchData.SERIES_SUM, sum);
        return rows.size();
    }

    static long wide(List<Row> rows, BenchData data) {
        WideChecksum sum = new WideChecksum();
        for (int i = 0, n = rows.size(); i < n; i++) {
            Row r = rows.get(i);
            sum.add(PgJetValues.text(r, 0), PgJetValues.oid(r, 1), PgJetValues.oid(r, 2), PgJetValues.int2(r, 3),
                    PgJetValues.bool(r, 4), PgJetValues.character(r, 5), PgJetValues.character(r, 6),
                    PgJetValues.bool(r, 7), PgJetValues.bool(r, 8), PgJetValues.character(r, 9),
                    PgJetValues.oid(r, 10), PgJetValues.oid(r, 11));
        }
        return sum.check(data);
    }
}
