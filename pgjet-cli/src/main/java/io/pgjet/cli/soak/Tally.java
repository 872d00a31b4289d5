package io.pgjet.cli.soak;

import io.pgjet.PgException;
import io.pgjet.PgJetException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Counts what the workers did: successes per verb, failures per verb and per error class. */
final class Tally {
    private static final int SAMPLES = 5;

    private final Map<Verb, LongAdder> ok = new ConcurrentHashMap<>();
    private final Map<Verb, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> untyped = new ConcurrentHashMap<>();
    private final List<String> untypedSamples = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> findings = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Consumer<String> onFirst;

    /** @param onFirst told (at once) of each new kind of untyped failure or finding */
    Tally(Consumer<String> onFirst) {
        this.onFirst = onFirst;
    }

    void succeeded(Verb verb) {
        add(ok, verb);
        total.increment();
    }

    /** Records a failure: a {@link PgJetException} is typed, anything else is untyped (a finding). */
    void failed(Verb verb, Throwable t) {
        add(failed, verb);
        total.increment();
        failures.increment();
        if (t instanceof PgJetException) {
            String key = errorKey(t);
            add(errors, key);
            firstMessages.putIfAbsent(key, verb.label() + ": " + t.getMessage());
        } else {
            String key = verb.label() + ": " + t.getClass().getName();
            if (add(untyped, key)) {
                onFirst.accept("untyped " + key + ": " + t.getMessage());
            }
            if (untypedSamples.size() < SAMPLES) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                untypedSamples.add(verb.label() + ": " + trace);
            }
        }
    }

    /** Records a wrong answer: a failure and a finding. */
    void wrong(Verb verb, Verb.WrongResult e) {
        add(failed, verb);
        total.increment();
        failures.increment();
        finding(verb.label() + ": " + e.getMessage());
    }

    /** Records something wrong that is not an exception (a notification that did not arrive, a hang). */
    void finding(String what) {
        if (add(findings, what)) {
            onFirst.accept("finding " + what);
        }
    }

    /** {@return the class name of a PgJet failure, with its SQLSTATE for a server error} */
    static String errorKey(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t instanceof PgException pg && pg.sqlState() != null ? name + " " + pg.sqlState() : name;
    }

    /** {@return the verbs without a success so far} */
    List<Verb> neverSucceeded() {
        List<Verb> missing = new java.util.ArrayList<>();
        for (Verb v : Verb.values()) {
            LongAdder n = ok.get(v);
            if (n == null || n.sum() == 0) {
                missing.add(v);
            }
        }
        return missing;
    }

    long total() {
        return total.sum();
    }

    long failures() {
        return failures.sum();
    }

    long untypedCount() {
        return untyped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<Verb, Long> ok() {
        return snapshot(ok);
    }

    Map<Verb, Long> failed() {
        return snapshot(failed);
    }

    Map<String, Long> errors() {
        return snapshot(errors);
    }

    Map<String, String> firstMessages() {
        return new TreeMap<>(firstMessages);
    }

    Map<String, Long> untyped() {
        return snapshot(untyped);
    }

    List<String> untypedSamples() {
        return List.copyOf(untypedSamples);
    }

    Map<String, Long> findings() {
        return snapshot(findings);
    }

    /** {@return whether {@code key} is new} */
    private static <K> boolean add(Map<K, LongAdder> map, K key) {
        boolean[] created = new boolean[1];
        map.computeIfAbsent(key, k -> {
            created[0] = true;
            return new LongAdder();
        }).increment();
        return created[0];
    }

    private static <K extends Comparable<K>> Map<K, Long> snapshot(Map<K, LongAdder> map) {
        Map<K, Long> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
