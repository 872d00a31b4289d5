package io.pgjet.cli.soak;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of a soak: one section per transport, as text and as JSON. */
public final class SoakReport {
    private final String server;
    private final List<TransportReport> transports;

    SoakReport(String server, List<TransportReport> transports) {
        this.server = server;
        this.transports = List.copyOf(transports);
    }

    /** {@return what is wrong (untyped failures, lost or partial batches, leaks, hangs), each prefixed with its transport; empty when clean} */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        for (TransportReport t : transports) {
            t.problems().forEach(p -> all.add(t.transport() + ": " + p));
        }
        return all;
    }

    /** {@return the successes of each verb on each transport, as "TRANSPORT verb" to count} */
    public Map<String, Long> successes() {
        Map<String, Long> ok = new java.util.TreeMap<>();
        for (TransportReport t : transports) {
            for (Verb v : Verb.values()) {
                ok.put(t.transport() + " " + v.label(), t.ok().getOrDefault(v, 0L));
            }
        }
        return ok;
    }

    /** {@return the report for people} */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("pgjet soak against ").append(server).append('\n');
        for (TransportReport t : transports) {
            b.append('\n').append(String.format(Locale.ROOT, "== %s: %d operations in %.1f s (%.0f/s), %d workers,"
                    + " %d ok, %d failed%n", t.transport(), t.operations(), t.millis() / 1000.0,
                    t.perSecond(t.operations()), t.workers(), t.successes(), TransportReport.total(t.failed())));
            b.append(String.format(Locale.ROOT, "  %-16s %9s %9s %9s%n", "verb", "ok", "failed", "ok/s"));
            for (Verb v : Verb.values()) {
                long ok = t.ok().getOrDefault(v, 0L);
                b.append(String.format(Locale.ROOT, "  %-16s %9d %9d %9.1f%n", v.label(), ok,
                        t.failed().getOrDefault(v, 0L), t.perSecond(ok)));
            }
            b.append("  faults injected: ").append(t.faults()).append('\n');
            b.append("  errors by class:").append(t.errors().isEmpty() ? " none" : "").append('\n');
            t.errors().forEach((k, n) -> b.append(String.format(Locale.ROOT, "    %-40s %7d   first: %s%n", k, n,
                    oneLine(t.firstMessages().get(k)))));
            b.append("  untyped errors: ").append(t.untyped().isEmpty() ? "none" : t.untyped().toString()).append('\n');
            for (String sample : t.untypedSamples()) {
                b.append("    ").append(sample.replace("\n", "\n    ")).append('\n');
            }
            b.append("  findings: ").append(t.findings().isEmpty() ? "none" : t.findings().toString()).append('\n');
            Ledger.Check l = t.ledger();
            b.append(String.format(Locale.ROOT, "  batches: %d begun, %d reported committed, %d in the table,"
                    + " %d lost, %d partial, %d rolled-back rows present%n", l.attempted(), l.committed(), l.present(),
                    l.lost().size(), l.partial().size(), l.rolledBackRows()));
            b.append("  pool recovered: ").append(t.recovered() ? "yes, " : "NO, ").append(t.recoveryNote()).append('\n');
            LeakProbes.Snapshot x = t.before();
            LeakProbes.Snapshot y = t.after();
            b.append(String.format(Locale.ROOT, "  leaks: PgJet threads %d -> %d (busy new: %s), file descriptors %d -> %d,%n",
                    x.threads().size(), y.threads().size(), t.busyNewThreads().isEmpty() ? "none" : t.busyNewThreads(),
                    x.fileDescriptors(), y.fileDescriptors()));
            b.append(String.format(Locale.ROOT, "    direct memory: Netty default allocator %s -> %s, pooled %s -> %s"
                    + " (in use %s -> %s), JVM direct buffers %s -> %s,%n", mib(x.nettyDirect()), mib(y.nettyDirect()),
                    mib(x.nettyPooledDirect()), mib(y.nettyPooledDirect()), mib(x.nettyPooledPinned()),
                    mib(y.nettyPooledPinned()), mib(x.jvmDirect()), mib(y.jvmDirect())));
            b.append(String.format(Locale.ROOT, "    server sessions left: %d, Netty LEAK reports: %d%n", t.sessionsLeft(),
                    t.nettyLeaks().size()));
            for (String leak : t.nettyLeaks().subList(0, Math.min(3, t.nettyLeaks().size()))) {
                b.append("    ").append(leak.replace("\n", "\n    ")).append('\n');
            }
        }
        List<String> problems = problems();
        b.append('\n').append(problems.isEmpty() ? "result: clean (no untyped error, nothing lost, nothing leaked)"
                : "result: " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems)).append('\n');
        return b.toString();
    }

    /** {@return the report as one JSON object} */
    public String json() {
        StringBuilder b = new StringBuilder("{\"server\":").append(quote(server)).append(",\"transports\":[");
        for (Iterator<TransportReport> it = transports.iterator(); it.hasNext();) {
            TransportReport t = it.next();
            b.append("{\"transport\":").append(quote(t.transport().name()))
                    .append(",\"millis\":").append(t.millis())
                    .append(",\"workers\":").append(t.workers())
                    .append(",\"operations\":").append(t.operations())
                    .append(",\"operationsPerSecond\":").append(String.format(Locale.ROOT, "%.1f", t.perSecond(t.operations())))
                    .append(",\"verbs\":{");
            Verb[] verbs = Verb.values();
            for (int i = 0; i < verbs.length; i++) {
                b.append(i == 0 ? "" : ",").append(quote(verbs[i].label())).append(":{\"ok\":")
                        .append(t.ok().getOrDefault(verbs[i], 0L)).append(",\"failed\":")
                        .append(t.failed().getOrDefault(verbs[i], 0L)).append('}');
            }
            b.append("},\"faults\":").append(counts(t.faults()))
                    .append(",\"errors\":").append(counts(t.errors()))
                    .append(",\"untyped\":").append(counts(t.untyped()))
                    .append(",\"findings\":").append(counts(t.findings()));
            Ledger.Check l = t.ledger();
            b.append(",\"batches\":{\"begun\":").append(l.attempted()).append(",\"committed\":").append(l.committed())
                    .append(",\"present\":").append(l.present()).append(",\"lost\":").append(l.lost().size())
                    .append(",\"partial\":").append(l.partial().size()).append(",\"rolledBackRows\":")
                    .append(l.rolledBackRows()).append('}');
            b.append(",\"poolRecovered\":").append(t.recovered()).append(",\"recovery\":").append(quote(t.recoveryNote()));
            LeakProbes.Snapshot x = t.before();
            LeakProbes.Snapshot y = t.after();
            b.append(",\"leaks\":{\"threadsBefore\":").append(x.threads().size())
                    .append(",\"threadsAfter\":").append(y.threads().size())
                    .append(",\"busyNewThreads\":").append(t.busyNewThreads().size())
                    .append(",\"fdsBefore\":").append(x.fileDescriptors())
                    .append(",\"fdsAfter\":").append(y.fileDescriptors())
                    .append(",\"nettyDirectBefore\":").append(x.nettyDirect())
                    .append(",\"nettyDirectAfter\":").append(y.nettyDirect())
                    .append(",\"pooledDirectBefore\":").append(x.nettyPooledDirect())
                    .append(",\"pooledDirectAfter\":").append(y.nettyPooledDirect())
                    .append(",\"pooledInUseBefore\":").append(x.nettyPooledPinned())
                    .append(",\"pooledInUseAfter\":").append(y.nettyPooledPinned())
                    .append(",\"jvmDirectBefore\":").append(x.jvmDirect())
                    .append(",\"jvmDirectAfter\":").append(y.jvmDirect())
                    .append(",\"sessionsLeft\":").append(t.sessionsLeft())
                    .append(",\"nettyLeakReports\":").append(t.nettyLeaks().size()).append('}');
            b.append(",\"problems\":[");
            List<String> problems = t.problems();
            for (int i = 0; i < problems.size(); i++) {
                b.append(i == 0 ? "" : ",").append(quote(problems.get(i)));
            }
            b.append("]}").append(it.hasNext() ? "," : "");
        }
        return b.append("],\"clean\":").append(problems().isEmpty()).append("}\n").toString();
    }

    private static String counts(Map<String, Long> map) {
        StringBuilder b = new StringBuilder("{");
        map.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",").append(quote(k)).append(':').append(v));
        return b.append('}').toString();
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replace('\n', ' ');
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
