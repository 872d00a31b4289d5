package io.pgjet.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance targets the issues set, evaluated on a {@link Report}. Each compares PgJet's
 * asynchronous API ({@code pgjet}) with a reference (the faster Java peer, a named peer, or
 * pgbench) in the same run.
 */
final class Targets {
    /**
     * The drivers PgJet is held against. Never {@link DriverId#WIRE}: the wire ceiling decodes
     * nothing and is no usable client, so it bounds what any driver can reach but is no peer.
     */
    private static final DriverId[] PEERS = {DriverId.PGJDBC, DriverId.PGJDBC_REWRITE, DriverId.VERTX};

    /**
     * One target's verdict.
     *
     * @param source the issue(s) that set it
     * @param goal what must hold
     * @param ratio PgJet divided by the reference (NaN when not measured)
     * @param threshold the ratio that meets it
     * @param reference what PgJet was compared with
     * @param extra a further condition's outcome (e.g. bytes per row), or null
     * @param extraMet whether the further condition holds (null when there is none or it was not measured)
     */
    record Verdict(String source, String goal, double ratio, double threshold, String reference, String extra,
            Boolean extraMet) {
        /** Returns "met", "NOT met" or "not measured". */
        String status() {
            if (Double.isNaN(ratio)) {
                return "not measured";
            }
            boolean met = ratio >= threshold && (extraMet == null || extraMet);
            return met ? "met" : "NOT met";
        }
    }

    private Targets() {
    }

    static List<Verdict> evaluate(Report report) {
        List<Verdict> v = new ArrayList<>();
        v.add(vsPeer(report, "#6, #7", "point select, 1 connection: >= 1.1x the faster peer", Workload.POINT, 1, 1.1));
        v.add(vsPeer(report, "#6", "point select, 8 connections: >= 1.0x the faster peer", Workload.POINT, 8, 1.0));
        v.add(vsDriver(report, "#6, #7", "point select, 8 connections: >= 0.9x pgbench -S -M prepared -c 8",
                Workload.POINT, 8, DriverId.PGBENCH, 0.9));
        v.add(vsDriver(report, "#4", "select 1, one at a time: >= pgbench -M prepared -c 1 'select 1'",
                Workload.SELECT1, 1, DriverId.PGBENCH, 1.0));
        v.add(vsDriver(report, "#4", "select 1, 16 in flight: >= pgbench 16 x 'select 1' in a pipeline",
                Workload.SELECT1, 16, DriverId.PGBENCH, 1.0));
        v.add(vsDriver(report, "#7", "point select, depth 16: >= pgbench 16 point selects in a pipeline",
                Workload.PIPELINE, 16, DriverId.PGBENCH, 1.0));
        v.add(withBytes(report, "#7", "series: >= 1.3x the faster peer, fewer bytes allocated per row",
                Workload.SERIES, 1.3));
        v.add(withBytes(report, "#7", "wide: >= 1.3x the faster peer, fewer bytes allocated per row",
                Workload.WIDE, 1.3));
        v.add(vsDriver(report, "#6, #7", "batch: >= 1.0x pgjdbc reWriteBatchedInserts", Workload.BATCH, 0,
                DriverId.PGJDBC_REWRITE, 1.0));
        v.add(vsDriver(report, "#6", "batch: >= 2x vertx executeBatch", Workload.BATCH, 0, DriverId.VERTX, 2.0));
        v.add(vsDriver(report, "#6, #7", "copy: >= 1.5x pgjdbc CopyManager", Workload.COPY, 0, DriverId.PGJDBC, 1.5));
        return v;
    }

    private static double rate(Report report, Workload w, int param, DriverId d) {
        CaseResult r = report.find(w, param, d);
        return r == null || !r.ok() ? Double.NaN : r.rate();
    }

    private static CaseResult fasterPeer(Report report, Workload w, int param) {
        CaseResult best = null;
        for (DriverId d : PEERS) {
            CaseResult r = report.find(w, param, d);
            if (r != null && r.ok() && (best == null || r.rate() > best.rate())) {
                best = r;
            }
        }
        return best;
    }

    private static Verdict vsPeer(Report report, String source, String goal, Workload w, int param, double threshold) {
        CaseResult peer = fasterPeer(report, w, param);
        double pgjet = rate(report, w, param, DriverId.PGJET);
        if (peer == null) {
            return new Verdict(source, goal, Double.NaN, threshold, "-", null, null);
        }
        return new Verdict(source, goal, pgjet / peer.rate(), threshold, peer.driver().id(), null, null);
    }

    private static Verdict vsDriver(Report report, String source, String goal, Workload w, int param, DriverId d,
            double threshold) {
        return new Verdict(source, goal, rate(report, w, param, DriverId.PGJET) / rate(report, w, param, d),
                threshold, d.id(), null, null);
    }

    private static Verdict withBytes(Report report, String source, String goal, Workload w, double threshold) {
        Verdict speed = vsPeer(report, source, goal, w, 0, threshold);
        CaseResult pgjet = report.find(w, 0, DriverId.PGJET);
        if (pgjet == null || !pgjet.ok() || Double.isNaN(pgjet.bytesPerRow())) {
            return speed;
        }
        StringBuilder extra = new StringBuilder("B/row: pgjet " + Format.bytes(pgjet.bytesPerRow()));
        boolean fewer = true;
        boolean any = false;
        for (DriverId d : PEERS) {
            CaseResult r = report.find(w, 0, d);
            if (r != null && r.ok() && !Double.isNaN(r.bytesPerRow())) {
                any = true;
                extra.append(", ").append(d.id()).append(' ').append(Format.bytes(r.bytesPerRow()));
                fewer &= pgjet.bytesPerRow() < r.bytesPerRow();
            }
        }
        return new Verdict(source, goal, speed.ratio(), threshold, speed.reference(), extra.toString(),
                any ? fewer : null);
    }
}
