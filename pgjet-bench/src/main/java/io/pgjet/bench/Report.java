package io.pgjet.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one runner invocation: settings, environment, and a {@link CaseResult} per
 * workload, parameter and driver, in run order.
 */
public final class Report {
    private final BenchOptions options;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<CaseResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(BenchOptions options) {
        this.options = options;
    }

    /** Returns the settings the run used. */
    public BenchOptions options() {
        return options;
    }

    /** Returns the environment facts, in display order. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Returns every case result. */
    public List<CaseResult> results() {
        return results;
    }

    /** Returns general remarks (e.g. pgbench missing, machine load). */
    public List<String> notes() {
        return notes;
    }

    /** Returns the result for a case, or null. */
    public CaseResult find(Workload w, int param, DriverId driver) {
        for (CaseResult r : results) {
            if (r.workload() == w && r.param() == param && r.driver() == driver) {
                return r;
            }
        }
        return null;
    }

    /** Returns the parameters measured for a workload, in order. */
    public List<Integer> params(Workload w) {
        List<Integer> params = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.workload() == w && !params.contains(r.param())) {
                params.add(r.param());
            }
        }
        return params;
    }

    /** Returns the workloads present, in order. */
    public List<Workload> workloads() {
        List<Workload> list = new ArrayList<>();
        for (CaseResult r : results) {
            if (!list.contains(r.workload())) {
                list.add(r.workload());
            }
        }
        return list;
    }

    /** Returns every result that failed. */
    public List<CaseResult> failures() {
        List<CaseResult> failed = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.unsupported() == null && r.error() != null) {
                failed.add(r);
            }
        }
        return failed;
    }
}
