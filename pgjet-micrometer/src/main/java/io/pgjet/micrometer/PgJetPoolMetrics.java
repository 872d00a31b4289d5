package io.pgjet.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pgjet.PgTimeoutException;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.PoolEvent;
import io.pgjet.observe.PoolState;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Pool meters, tagged {@code pool=<name>}:
 * <ul>
 *   <li>gauges {@code pgjet.pool.connections.total}, {@code .idle}, {@code .active},
 *       {@code .pending} (callers waiting) and {@code .max};</li>
 *   <li>timers {@code pgjet.pool.acquire} (time to get a connection, tagged
 *       {@code outcome=success|timeout|failure}) and {@code pgjet.pool.usage} (how long borrowers
 *       kept one);</li>
 *   <li>counters {@code pgjet.pool.acquire.timeouts}, {@code pgjet.pool.connections.created} and
 *       {@code pgjet.pool.connections.closed}.</li>
 * </ul>
 * Register it as a listener on the pool's configuration and bind it to a registry:
 *
 * <pre>{@code
 * PgJetPoolMetrics metrics = new PgJetPoolMetrics("orders");
 * metrics.bindTo(meterRegistry);
 * Pool pool = PgJet.createPool(config.toBuilder().addListener(metrics).build(), options);
 * }</pre>
 *
 * Use one instance per pool; a pool's read-only side ({@code readOnly()}) shares it and is
 * counted with it. Events before {@link #bindTo} are not counted.
 */
public final class PgJetPoolMetrics implements PgJetListener, MeterBinder {
    private final String poolName;
    private final Set<PoolState> pools = ConcurrentHashMap.newKeySet();
    private volatile Meters meters;

    /**
     * Creates the meters' binder for one pool.
     *
     * @param poolName the value of the {@code pool} tag
     */
    public PgJetPoolMetrics(String poolName) {
        this.poolName = Objects.requireNonNull(poolName, "poolName");
    }

    /**
     * Registers the meters.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("pool", poolName);
        gauge(registry, "pgjet.pool.connections.total", "Connections open or being opened", tags, PoolState::size);
        gauge(registry, "pgjet.pool.connections.idle", "Free connections", tags, PoolState::idle);
        gauge(registry, "pgjet.pool.connections.active", "Connections lent to borrowers", tags,
                state -> Math.max(0, state.size() - state.idle()));
        gauge(registry, "pgjet.pool.connections.pending", "Callers waiting for a connection", tags, PoolState::pending);
        gauge(registry, "pgjet.pool.connections.max", "The most connections the pool opens", tags, PoolState::maxSize);
        meters = new Meters(registry, tags);
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags, ToIntFunction<PoolState> read) {
        Gauge.builder(name, pools, all -> all.stream().mapToInt(read).sum()).description(description).tags(tags)
                .register(registry);
    }

    @Override
    public void operationEnded(Operation operation, Object context, Outcome outcome) {
        Meters m = meters;
        if (m == null || operation.kind() != OperationKind.POOL_ACQUIRE) {
            return;
        }
        if (outcome.succeeded()) {
            m.acquired.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
        } else if (outcome.error() instanceof PgTimeoutException) {
            m.timedOut.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
            m.timeouts.increment();
        } else {
            m.failed.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void poolEvent(PoolEvent event) {
        pools.add(event.pool());
        Meters m = meters;
        if (m == null) {
            return;
        }
        switch (event.type()) {
            case CONNECTION_CREATED:
                m.created.increment();
                break;
            case CONNECTION_CLOSED:
                m.closed.increment();
                break;
            case RELEASED:
                m.usage.record(event.durationNanos(), TimeUnit.NANOSECONDS);
                break;
            default:
                break;
        }
    }

    /** The meters of one registry. */
    private static final class Meters {
        final Timer acquired;
        final Timer timedOut;
        final Timer failed;
        final Timer usage;
        final Counter timeouts;
        final Counter created;
        final Counter closed;

        Meters(MeterRegistry registry, Tags tags) {
            acquired = acquire(registry, tags, "success");
            timedOut = acquire(registry, tags, "timeout");
            failed = acquire(registry, tags, "failure");
            usage = Timer.builder("pgjet.pool.usage").description("How long borrowers kept a connection").tags(tags)
                    .register(registry);
            timeouts = Counter.builder("pgjet.pool.acquire.timeouts").description("Acquisitions that timed out")
                    .tags(tags).register(registry);
            created = Counter.builder("pgjet.pool.connections.created").description("Connections the pool opened")
                    .tags(tags).register(registry);
            closed = Counter.builder("pgjet.pool.connections.closed").description("Connections the pool closed")
                    .tags(tags).register(registry);
        }

        private static Timer acquire(MeterRegistry registry, Tags tags, String outcome) {
            return Timer.builder("pgjet.pool.acquire").description("Time to get a pooled connection")
                    .tags(tags).tag("outcome", outcome).register(registry);
        }
    }
}
