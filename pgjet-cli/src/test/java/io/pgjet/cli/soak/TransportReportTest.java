package io.pgjet.cli.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What makes a soak fail: each kind of problem is named in the report and in its JSON. */
class TransportReportTest {
    private static final LeakProbes.Snapshot BEFORE = new LeakProbes.Snapshot(Set.of("pgjet-a"), 50, 1 << 20, 0, 0, 1 << 20);

    @Test
    void aCleanRunHasNoProblems() {
        TransportReport clean = report(Map.of(), Map.of(), new Ledger.Check(10, 9, 10, Set.of(), Set.of(), 0), true,
                BEFORE, List.of(), 0, List.of());
        assertEquals(List.of(), clean.problems());
        SoakReport whole = new SoakReport("127.0.0.1:5432 as app", List.of(clean));
        assertTrue(whole.text().contains("result: clean"), whole.text());
        assertTrue(whole.json().endsWith("\"clean\":true}\n"), whole.json());
    }

    @Test
    void untypedLostPartialUnrecoveredAndLeakedAreEachAProblem() {
        LeakProbes.Snapshot after = new LeakProbes.Snapshot(Set.of("pgjet-a", "pgjet-b"), 50 + TransportReport.FD_SLACK + 1,
                (1 << 20) + TransportReport.DIRECT_SLACK + 1, 0, TransportReport.PINNED_SLACK + 1, 1 << 20);
        TransportReport bad = report(Map.of("fetch: java.lang.NullPointerException", 1L),
                Map.of("listen-notify: the notification did not arrive", 1L),
                new Ledger.Check(10, 9, 8, Set.of(3), Set.of(4), 2), false, after, List.of("pgjet-b at x"), 1,
                List.of("LEAK: ByteBuf.release() was not called"));
        List<String> problems = bad.problems();
        for (String expected : List.of("untyped", "notification", "missing: 3", "partial batch(es): 4",
                "rolled-back row", "did not recover", "threads left busy", "file descriptors", "in use",
                "direct memory grew", "session(s)", "LEAK")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not in " + problems);
        }
        SoakReport whole = new SoakReport("127.0.0.1:5432 as app", List.of(bad));
        assertTrue(whole.json().endsWith("\"clean\":false}\n"), whole.json());
        assertTrue(whole.text().contains("problem(s)"), whole.text());
    }

    private static TransportReport report(Map<String, Long> untyped, Map<String, Long> findings, Ledger.Check ledger,
            boolean recovered, LeakProbes.Snapshot after, List<String> busy, long sessions, List<String> leaks) {
        return new TransportReport(SoakTransport.NETTY, 1_000, 2, Map.of(Verb.FETCH, 5L), Map.of(Verb.FETCH, 1L),
                Map.of("PgConnectionException", 1L), Map.of("PgConnectionException", "fetch: the server closed"),
                untyped, List.of(), findings, Map.of("reset", 1L), ledger, recovered, "note", BEFORE, after, busy,
                sessions, leaks);
    }
}
