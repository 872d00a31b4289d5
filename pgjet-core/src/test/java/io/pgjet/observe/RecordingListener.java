package io.pgjet.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every callback with its thread, and checks that each end gets its start's context. */
final class RecordingListener implements PgJetListener {
    /** One start or end. */
    record Event(String phase, Operation operation, Outcome outcome, String thread, int id) {
        OperationKind kind() {
            return operation.kind();
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<PoolEvent> poolEvents = new CopyOnWriteArrayList<>();
    final List<String> contextMismatches = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Object operationStarted(Operation operation) {
        int id = ids.incrementAndGet();
        events.add(new Event("start", operation, null, Thread.currentThread().getName(), id));
        return new int[] {id};
    }

    @Override
    public void operationEnded(Operation operation, Object context, Outcome outcome) {
        int id = ((int[]) context)[0];
        Event start = events.stream().filter(e -> e.id == id && e.phase.equals("start")).findFirst().orElse(null);
        if (start == null || start.operation != operation) {
            contextMismatches.add(operation + " got context " + id);
        }
        events.add(new Event("end", operation, outcome, Thread.currentThread().getName(), id));
    }

    @Override
    public void poolEvent(PoolEvent event) {
        poolEvents.add(event);
    }

    List<Event> ends() {
        return events.stream().filter(e -> e.phase.equals("end")).toList();
    }

    List<Event> starts() {
        return events.stream().filter(e -> e.phase.equals("start")).toList();
    }

    List<Event> ends(OperationKind kind) {
        return ends().stream().filter(e -> e.kind() == kind).toList();
    }

    Event lastEnd(OperationKind kind) {
        List<Event> ends = ends(kind);
        return ends.isEmpty() ? null : ends.get(ends.size() - 1);
    }

    void clear() {
        events.clear();
        poolEvents.clear();
    }
}
