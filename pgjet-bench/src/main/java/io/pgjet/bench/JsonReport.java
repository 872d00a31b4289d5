package io.pgjet.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Report} as JSON with every raw number: per case the per-round samples
 * (operations, rows, nanoseconds, allocated bytes, heap), plus the aggregates shown in the table.
 */
final class JsonReport {
    private final StringBuilder b = new StringBuilder();

    private JsonReport() {
    }

    static String json(Report report) {
        return DsnRedaction.redact(new JsonReport().write(report));
    }

    private String write(Report report) {
        BenchOptions o = report.options();
        b.append("{\n  \"arguments\": ");
        string(String.join(" ", o.arguments()));
        b.append(",\n  \"settings\": {");
        field("seconds", o.seconds, true);
        field("warmup", o.warmup, false);
        field("rounds", o.rounds, false);
        field("scale", o.scale, false);
        field("batchRows", o.batchRows, false);
        field("copyRows", o.copyRows, false);
        field("streamRows", o.streamRows, false);
        b.append("},\n  \"environment\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : report.environment().entrySet()) {
            b.append(first ? "\n    " : ",\n    ");
            string(e.getKey());
            b.append(": ");
            string(e.getValue());
            first = false;
        }
        b.append("\n  },\n  \"notes\": [");
        for (int i = 0; i < report.notes().size(); i++) {
            b.append(i == 0 ? "" : ", ");
            string(report.notes().get(i));
        }
        b.append("],\n  \"results\": [");
        for (int i = 0; i < report.results().size(); i++) {
            b.append(i == 0 ? "\n" : ",\n");
            result(report.results().get(i));
        }
        b.append("\n  ],\n  \"targets\": [");
        int i = 0;
        for (Targets.Verdict v : Targets.evaluate(report)) {
            b.append(i++ == 0 ? "\n    {" : ",\n    {");
            b.append("\"goal\": ");
            string(v.goal());
            b.append(", \"source\": ");
            string(v.source());
            b.append(", \"reference\": ");
            string(v.reference());
            field("ratio", v.ratio(), false);
            field("threshold", v.threshold(), false);
            b.append(", \"status\": ");
            string(v.status());
            if (v.extra() != null) {
                b.append(", \"detail\": ");
                string(v.extra());
            }
            b.append('}');
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    private void result(CaseResult r) {
        b.append("    {\"workload\": ");
        string(r.workload().id());
        field("param", r.param(), false);
        b.append(", \"paramName\": ");
        string(r.workload().param().label());
        b.append(", \"driver\": ");
        string(r.driver().id());
        b.append(", \"unit\": ");
        string(r.workload().unit());
        if (r.unsupported() != null) {
            b.append(", \"unsupported\": ");
            string(r.unsupported());
            b.append('}');
            return;
        }
        if (r.how() != null) {
            b.append(", \"how\": ");
            string(r.how());
        }
        if (r.note() != null) {
            b.append(", \"note\": ");
            string(r.note());
        }
        if (r.error() != null) {
            b.append(", \"error\": ");
            string(r.error());
        }
        field("rate", r.rate(), false);
        field("minRate", r.minRate(), false);
        field("maxRate", r.maxRate(), false);
        field("rounds", r.roundRates().length, false);
        field("p50Nanos", r.p50(), false);
        field("p99Nanos", r.p99(), false);
        field("avgLatencyNanos", r.averageLatency(), false);
        field("bytesPerOp", r.bytesPerOp(), false);
        field("bytesPerRow", r.bytesPerRow(), false);
        field("clientCpuNanosPer" + unit(r), r.clientCpuPerUnit(), false);
        field("serverCpuNanosPer" + unit(r), r.serverCpuPerUnit(), false);
        field("machineBusy", r.machineBusy(), false);
        field("peakHeapBytes", r.peakHeap(), false);
        field("liveHeapAfterGcBytes", r.liveHeap(), false);
        b.append(", \"samples\": [");
        for (int i = 0; i < r.samples().size(); i++) {
            Sample s = r.samples().get(i);
            b.append(i == 0 ? "\n      {" : ",\n      {");
            field("round", s.round(), true);
            field("ops", s.ops(), false);
            field("rows", s.rows(), false);
            field("nanos", s.nanos(), false);
            field("allocatedBytes", s.allocatedBytes(), false);
            field("peakHeapBytes", s.peakHeapBytes(), false);
            field("liveHeapAfterGcBytes", s.liveHeapBytes(), false);
            field("baselineHeapBytes", s.baselineHeapBytes(), false);
            field("avgLatencyNanos", s.avgLatencyNanos(), false);
            field("clientCpuNanos", s.cpu().clientNanos(), false);
            field("serverCpuNanos", s.cpu().serverNanos(), false);
            field("machineBusyTicks", s.cpu().busyTicks(), false);
            field("machineTotalTicks", s.cpu().totalTicks(), false);
            if (s.error() != null) {
                b.append(", \"error\": ");
                string(s.error());
            }
            b.append('}');
        }
        b.append("]}");
    }

    /** Returns the unit CPU figures are divided by: "Row" for workloads counted in rows, else "Op". */
    private static String unit(CaseResult r) {
        return r.workload().countsRows() ? "Row" : "Op";
    }

    private void field(String name, double value, boolean first) {
        b.append(first ? "" : ", ");
        string(name);
        b.append(": ");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            b.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            b.append((long) value);
        } else {
            b.append(String.format(Locale.ROOT, "%.6g", value));
        }
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
