package io.pgjet.cli.soak;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.testkit.FaultProxy;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Breaks the pool's connections on a schedule, every 150–550 ms one of: reset every connection
 * through the proxy, cut the stream to the client after up to 20,000 bytes or to the server after
 * up to 2,000 (mid-frame), delay forwarding by 20 ms for 200 ms, or terminate the soak's backends
 * with {@code pg_terminate_backend} over a direct connection (that needs the right to signal
 * them: the same role, {@code pg_signal_backend} or a superuser; a refusal is counted).
 */
final class FaultInjector implements Runnable {
    private final FaultProxy proxy;
    private final ConnectionConfig direct;
    private final String applicationName;
    private final Random random;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();

    FaultInjector(FaultProxy proxy, ConnectionConfig direct, String applicationName, long seed) {
        this.proxy = proxy;
        this.direct = direct;
        this.applicationName = applicationName;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                Thread.sleep(150 + random.nextInt(400));
                if (!running.get()) {
                    break;
                }
                switch (random.nextInt(5)) {
                    case 0 -> {
                        proxy.resetAll();
                        count("reset");
                    }
                    case 1 -> {
                        proxy.cutAfter(FaultProxy.Direction.TO_CLIENT, random.nextInt(20_000));
                        count("cut to client");
                    }
                    case 2 -> {
                        proxy.cutAfter(FaultProxy.Direction.TO_SERVER, random.nextInt(2_000));
                        count("cut to server");
                    }
                    case 3 -> {
                        proxy.delay(Duration.ofMillis(20));
                        Thread.sleep(200);
                        proxy.delay(Duration.ZERO);
                        count("delay");
                    }
                    default -> terminate();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void terminate() {
        try (Connection admin = PgJet.connect(direct)) {
            long signalled = admin.<Long>fetchVal("select count(*) from (select pg_terminate_backend(pid) as t"
                    + " from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()) s where t",
                    applicationName);
            count(signalled > 0 ? "terminate backend" : "terminate backend (none open)");
        } catch (PgJetException e) {
            count("terminate backend refused: " + Tally.errorKey(e));
        }
    }

    /** Stops after the current fault and heals the proxy. */
    void stop() {
        running.set(false);
    }

    /** Heals the proxy: no armed cut, no stall, no delay. */
    void heal() {
        proxy.disarm();
        proxy.resume();
        proxy.delay(Duration.ZERO);
    }

    /** {@return the faults injected, by kind} */
    Map<String, Long> injected() {
        Map<String, Long> copy = new TreeMap<>();
        injected.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private void count(String kind) {
        injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }
}
