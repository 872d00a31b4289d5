package io.pgjet.bench.drivers;

import static io.pgjet.bench.drivers.PgJetDriver.plural;

import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.Workload;
import io.pgjet.protocol.FrontendMessages;

/**
 * The wire ceiling: the fastest any client could answer the request workloads on this machine. A
 * blocking socket per thread writes one pre-encoded Bind/Execute/Sync per operation (only the
 * point select's int4 parameter is patched in) and scans the answer frame header by frame header,
 * counting DataRows without decoding a value. It is a yardstick, not a usable client: a driver's
 * distance to it is the most any driver could gain there. Blocking like pgjdbc: one thread and one
 * connection per request in flight.
 */
public final class WireDriver implements Driver {
    private static final String NOTE = "ceiling: pre-encoded Bind/Execute/Sync, answer scanned, values not decoded;"
            + " not a usable client, excluded from targets";
    /** What every operation does besides the I/O; the note says the rest. */
    private static final String HOW = "DataRows counted, values not decoded";

    private final BenchTarget target;
    private final BenchData data;

    /** Creates the driver for {@code target}. */
    public WireDriver(BenchTarget target, BenchData data) {
        this.target = target;
        this.data = data;
    }

    @Override
    public DriverId id() {
        return DriverId.WIRE;
    }

    @Override
    public String version() {
        String v = FrontendMessages.class.getPackage().getImplementationVersion();
        return "pgjet-protocol " + (v == null ? PgJetDriver.pgjetVersion() : v) + " encoders, blocking java.net.Socket";
    }

    @Override
    public String unsupported(Workload workload, int param) {
        if (!"disable".equals(target.sslmode())) {
            return "needs sslmode=disable";
        }
        switch (workload) {
            case POINT:
            case SERIES:
            case WIDE:
                return null;
            case PIPELINE:
            case SELECT1:
                return param > 1 ? "the wire ceiling covers one-at-a-time request workloads only" : null;
            default:
                return "the wire ceiling covers one-at-a-time request workloads only";
        }
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return new Requests(param, BenchData.POINT_SQL, true, "point rows", 1,
                        plural(param, "thread") + ", 1 socket each; " + HOW);
            case PIPELINE:
                return new Requests(1, BenchData.POINT_SQL, true, "point rows", 1,
                        "1 thread, 1 socket, 1 request at a time; " + HOW);
            case SELECT1:
                return new Requests(1, BenchData.SELECT1_SQL, false, "select 1 rows", 1,
                        "1 thread, 1 socket, 1 request at a time; " + HOW);
            case SERIES:
                return new Requests(1, BenchData.SERIES_SQL, false, "series rows", BenchData.SERIES_ROWS,
                        "1 thread, 1 socket; " + HOW);
            case WIDE:
                return new Requests(1, BenchData.WIDE_SQL, false, "wide row count", data.wideRows(),
                        "1 thread, 1 socket; " + HOW);
            default:
                throw new IllegalArgumentException(workload.id() + ": " + unsupported(workload, param));
        }
    }

    /** Threads each running the pre-encoded operation on its own session and checking the row count. */
    private final class Requests implements Job.Loop {
        private final WireSession[] sessions;
        private final boolean pointParameter;
        private final String what;
        private final long expectedRows;
        private final String how;

        Requests(int threads, String sql, boolean pointParameter, String what, long expectedRows, String how)
                throws Exception {
            this.pointParameter = pointParameter;
            this.what = what;
            this.expectedRows = expectedRows;
            this.how = how;
            sessions = new WireSession[threads];
            try {
                for (int i = 0; i < threads; i++) {
                    sessions[i] = WireSession.connect(target);
                    sessions[i].prepare(sql, pointParameter);
                }
            } catch (Exception e) {
                close(); // the runner never sees a job whose constructor failed
                throw e;
            }
        }

        @Override
        public String how() {
            return how;
        }

        @Override
        public String note() {
            return NOTE;
        }

        @Override
        public int threads() {
            return sessions.length;
        }

        @Override
        public long call(int thread) throws Exception {
            WireSession s = sessions[thread];
            long rows = pointParameter ? s.execute(data.randomAid()) : s.execute();
            // The row count is the only check: values are never decoded, which is the point of a ceiling.
            CheckFailedException.expect(what, expectedRows, rows);
            return rows;
        }

        @Override
        public void close() throws Exception {
            Exception first = null;
            for (WireSession s : sessions) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (Exception e) {
                        first = first == null ? e : first;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
