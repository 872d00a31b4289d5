package io.pgjet.cli.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one transport's soak did and left behind.
 *
 * @param transport the transport
 * @param millis how long the workers ran
 * @param workers the worker threads
 * @param ok successes per verb
 * @param failed failures per verb
 * @param errors typed failures by exception class (and SQLSTATE)
 * @param firstMessages the first message of each error class
 * @param untyped failures that were not a {@code PgJetException}, by verb and class
 * @param untypedSamples stack traces of the first untyped failures
 * @param findings wrong answers, missing notifications, hangs
 * @param faults the faults injected, by kind
 * @param ledger the batches against the table
 * @param recovered whether the pool served 8 queries in a row after the faults
 * @param recoveryNote how the recovery went
 * @param before the process before the run
 * @param after the process after the pool was closed
 * @param busyNewThreads PgJet threads started during the run and still busy after it
 * @param sessionsLeft server sessions with the soak's application_name left after closing
 * @param nettyLeaks Netty LEAK reports during the run
 */
record TransportReport(SoakTransport transport, long millis, int workers, Map<Verb, Long> ok, Map<Verb, Long> failed,
        Map<String, Long> errors, Map<String, String> firstMessages, Map<String, Long> untyped,
        List<String> untypedSamples, Map<String, Long> findings, Map<String, Long> faults, Ledger.Check ledger,
        boolean recovered, String recoveryNote, LeakProbes.Snapshot before, LeakProbes.Snapshot after,
        List<String> busyNewThreads, long sessionsLeft, List<String> nettyLeaks) {
    /** Slack for descriptors the JVM opens lazily (jars and the like). */
    static final long FD_SLACK = 8;
    /** Growth of pinned (in-use) pooled direct memory taken as a leak. */
    static final long PINNED_SLACK = 8L << 20;
    /** Growth of held direct memory taken as a leak (allocators keep chunks cached, so generous). */
    static final long DIRECT_SLACK = 64L << 20;

    long operations() {
        return total(ok) + total(failed);
    }

    long successes() {
        return total(ok);
    }

    double perSecond(long count) {
        return millis == 0 ? 0 : count * 1000.0 / millis;
    }

    /** {@return what is wrong: anything untyped, lost, leaked, hung, or a pool that did not recover} */
    List<String> problems() {
        List<String> p = new ArrayList<>();
        long untypedCount = total(untyped);
        if (untypedCount > 0) {
            p.add(untypedCount + " untyped failure(s)");
        }
        findings.forEach((what, n) -> p.add(what + " (" + n + "x)"));
        if (!ledger.lost().isEmpty()) {
            p.add(ledger.lost().size() + " batch(es) reported committed but missing: " + first(ledger.lost()));
        }
        if (!ledger.partial().isEmpty()) {
            p.add(ledger.partial().size() + " partial batch(es): " + first(ledger.partial()));
        }
        if (ledger.rolledBackRows() > 0) {
            p.add(ledger.rolledBackRows() + " rolled-back row(s) in the table");
        }
        if (!recovered) {
            p.add("the pool did not recover: " + recoveryNote);
        }
        if (!busyNewThreads.isEmpty()) {
            p.add("PgJet threads left busy: " + busyNewThreads);
        }
        if (before.fileDescriptors() >= 0 && after.fileDescriptors() > before.fileDescriptors() + FD_SLACK) {
            p.add("file descriptors " + before.fileDescriptors() + " -> " + after.fileDescriptors());
        }
        if (after.nettyPooledPinned() - before.nettyPooledPinned() > PINNED_SLACK) {
            p.add("pooled direct memory in use " + before.nettyPooledPinned() + " -> " + after.nettyPooledPinned());
        }
        if (grew(before.nettyDirect(), after.nettyDirect()) || grew(before.nettyPooledDirect(), after.nettyPooledDirect())
                || grew(before.jvmDirect(), after.jvmDirect())) {
            p.add("direct memory grew by more than " + (DIRECT_SLACK >> 20) + " MiB");
        }
        if (sessionsLeft != 0) {
            p.add(sessionsLeft + " server session(s) of the soak left");
        }
        if (!nettyLeaks.isEmpty()) {
            p.add(nettyLeaks.size() + " Netty LEAK report(s)");
        }
        return p;
    }

    private static boolean grew(long before, long after) {
        return before >= 0 && after >= 0 && after - before > DIRECT_SLACK;
    }

    private static String first(java.util.Set<Integer> batches) {
        return batches.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }

    static <K> long total(Map<K, Long> map) {
        return map.values().stream().mapToLong(Long::longValue).sum();
    }
}
