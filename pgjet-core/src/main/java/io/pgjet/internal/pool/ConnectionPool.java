package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.ConnectionConfig;
import io.pgjet.HostStatus;
import io.pgjet.LoadBalanceHosts;
import io.pgjet.PgHost;
import io.pgjet.TargetSessionAttrs;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgTimeoutException;
import io.pgjet.PoolOptions;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.observe.Observers;
import io.pgjet.internal.observe.ServerInfos;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.PoolState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pool: free connections in a stack (the most recently used first, so a quiet pool lets its
 * extra connections go idle and expire), waiting callers in a queue (first come, first served),
 * and a count of connections open or opening that never exceeds {@code maxSize}.
 *
 * <p>Every decision is taken under one lock held only for a few field updates; connecting,
 * checking, resetting and closing happen outside it, on futures, and so do the callbacks that
 * hand a connection to a caller. Nothing here blocks a thread.
 */
public final class ConnectionPool extends PoolVerbs {
    private static final long SWEEP_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long SWEEP_MAX_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How many free connections {@link #takeFree} looks at for one on the caller's I/O thread. */
    private static final int AFFINITY_SCAN = 16;
    /**
     * How long the first blocking caller in line may have waited while callers still running take
     * connections given back ahead of it (see {@link #acquireBlocking}); once it has waited longer,
     * connections go to the line in turn. {@code -Dpgjet.pool.bargeMillis} (default 10; 0 serves
     * strictly in order), documented in the guide's pool section.
     */
    /** Past a waiter's deadline its timer fails it; the park lasts a little longer so that wins. */
    private static final long PARK_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long BARGE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("pgjet.pool.bargeMillis", 10));

    private final Supplier<CompletableFuture<AsyncConnection>> connector;
    private final PoolOptions options;
    private final HostRecheck recheck;
    private final ConnectionConfig config;
    private final Function<ConnectionConfig, CompletableFuture<? extends AsyncConnection>> connect;
    /** The read-only side, made on the first {@link #readOnly()}; this pool itself on that side. */
    private ConnectionPool readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<PoolSlot> idle = new ArrayDeque<>();
    private final ArrayDeque<PoolWaiter> waiters = new ArrayDeque<>();
    private final Set<PoolSlot> slots = new HashSet<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ScheduledFuture<?> sweeper;
    /** One timer for every queued waiter, armed for the earliest deadline while any waits. */
    private ScheduledFuture<?> waiterTimer;
    private long waiterTimerDeadline;
    private int opening;
    /** Connections handed in turn to blocking callers that have not picked them up yet (0 or 1). */
    private int handingInTurn;
    private int generation;
    private boolean closing;
    private final PoolObserver observer;

    private ConnectionPool(ConnectionConfig config, PoolOptions options,
            Function<ConnectionConfig, CompletableFuture<? extends AsyncConnection>> connect) {
        this.config = config;
        this.connect = connect;
        this.connector = () -> connect.apply(config).thenApply(c -> (AsyncConnection) c);
        HostRecheck recheck = new HostRecheck(config);
        this.options = options;
        this.recheck = recheck;
        this.observer = new PoolObserver(Observers.combine(config.listeners()), new State());
        long period = Math.max(SWEEP_MIN_NANOS, Math.min(SWEEP_MAX_NANOS, shortestLifetimeNanos() / 4));
        this.sweeper = PoolTimer.get().scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * Creates a pool that opens connections with {@code connect} and returns it once its
     * {@code minSize} connections are open (each through {@code init}, but not {@code setup} nor
     * {@code reset}: nobody acquired or released them); if one of those fails, or they are not
     * all open within {@code acquireTimeout}, the pool is closed and the future fails with that
     * error.
     */
    public static CompletableFuture<ConnectionPool> create(ConnectionConfig config, PoolOptions options,
            Function<ConnectionConfig, CompletableFuture<? extends AsyncConnection>> connect) {
        ConnectionPool pool = new ConnectionPool(config, options, connect);
        List<CompletableFuture<Void>> first = new ArrayList<>();
        for (int i = 0; i < options.minSize(); i++) {
            pool.lock.lock();
            try {
                pool.opening++;
            } finally {
                pool.lock.unlock();
            }
            first.add(pool.open(null));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(first.toArray(new CompletableFuture<?>[0]));
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        ScheduledFuture<?> timer = options.acquireTimeout().isZero() ? null : PoolTimer.get().schedule(
                () -> bounded.completeExceptionally(new PgTimeoutException("the pool's first " + options.minSize()
                        + " connections were not open within " + options.acquireTimeout().toMillis() + " ms")),
                options.acquireTimeout().toNanos(), TimeUnit.NANOSECONDS);
        all.whenComplete((ok, error) -> {
            if (timer != null) {
                timer.cancel(false);
            }
            if (error != null) {
                bounded.completeExceptionally(Futures.unwrap(error));
            } else {
                bounded.complete(null);
            }
        });
        return bounded.handle((ok, error) -> {
            if (error != null) {
                pool.terminate();
                throw Futures.asCompletionException(error);
            }
            return pool;
        });
    }

    private long shortestLifetimeNanos() {
        long shortest = Long.MAX_VALUE;
        for (Duration d : new Duration[] {options.maxInactiveLifetime(), options.maxLifetime()}) {
            if (!d.isZero()) {
                shortest = Math.min(shortest, d.toNanos());
            }
        }
        return shortest;
    }

    // ---- acquiring -------------------------------------------------------------------------

    @Override
    public CompletableFuture<AsyncConnection> acquire() {
        return acquire(options.acquireTimeout());
    }

    @Override
    public CompletableFuture<AsyncConnection> acquire(Duration timeout) {
        PgJetListener listener = observer.listener();
        if (listener == null) {
            return acquireUnobserved(timeout);
        }
        Observers.Started started = Observers.start(listener,
                new Operation(OperationKind.POOL_ACQUIRE, null, null, null, ServerInfos.configured(config)));
        CompletableFuture<AsyncConnection> acquired;
        try {
            acquired = acquireUnobserved(timeout);
        } catch (RuntimeException e) {
            acquired = CompletableFuture.failedFuture(e);
        }
        return started.end(acquired, null, null);
    }

    private CompletableFuture<AsyncConnection> acquireUnobserved(Duration timeout) {
        // Fast path: nobody waiting and a free connection that needs nothing before it is lent.
        PoolSlot slot = null;
        int current;
        lock.lock();
        try {
            if (!closing && waiters.isEmpty()) {
                slot = takeFree();
            }
            current = generation;
        } finally {
            lock.unlock();
        }
        if (slot != null && options.setup() == null && readyToLend(slot, current)) {
            return CompletableFuture.completedFuture(lease(slot));
        }
        CompletableFuture<AsyncConnection> result = new CompletableFuture<>();
        PoolWaiter waiter = new PoolWaiter(result, timeout, this::forget);
        if (slot != null) {
            lend(slot, waiter);
        } else {
            attempt(waiter);
        }
        return result;
    }

    /**
     * Acquires for a blocking caller, whose thread waits for itself: it takes a free connection
     * even while others wait, as long as the first in line has not waited longer than
     * {@link #BARGE_WINDOW_NANOS}; otherwise it stands in line and parks, woken when a connection
     * is handed to it or put on the free stack for it to try for. Past the window, connections go
     * to the line in order, so nobody waits much longer than that behind callers that keep
     * coming. With a listener or a setup hook it takes the asynchronous route.
     *
     * @throws io.pgjet.PgJetException as {@link #acquire(Duration)}'s future would fail
     */
    public AsyncConnection acquireBlocking(Duration timeout) {
        if (observer.listener() != null || options.setup() != null) {
            return Futures.await(acquire(timeout));
        }
        PoolWaiter[] waited = new PoolWaiter[1];
        try {
            return acquireBlocking(timeout, waited);
        } finally {
            if (waited[0] != null) {
                handOverDone(waited[0]);
            }
        }
    }

    /** The loop of {@link #acquireBlocking(Duration)}; puts the caller's place in line, once it has one, in {@code waited}. */
    private AsyncConnection acquireBlocking(Duration timeout, PoolWaiter[] waited) {
        PoolWaiter me = null;
        while (true) {
            PoolSlot slot = null;
            PoolWaiter nudge = null;
            boolean openOne = false;
            int current;
            lock.lock();
            try {
                current = generation;
                if (closing || (me != null && (me.result.isDone() || !me.queued))) {
                    // closed, or the pool handed this caller a connection (or failed it): take that
                } else {
                    long now = System.nanoTime();
                    PoolWaiter first = firstWaiter();
                    if (first == null || first == me || mayBarge(first, now)) {
                        slot = takeFree();
                    } else if (!idle.isEmpty() && !first.nudged()) {
                        nudge = first; // a free connection only it may take: make sure it knows
                    }
                    if (slot != null) {
                        if (me != null) {
                            me.queued = false;
                            waiters.remove(me);
                        }
                        if (!idle.isEmpty()) {
                            nudge = nudgeable(); // more were given back: pass the word on
                        }
                    } else if (me == null) {
                        if (size0() < options.maxSize()) {
                            openOne = true;
                        } else {
                            me = new PoolWaiter(new CompletableFuture<>(), timeout, this::forget,
                                    Thread.currentThread());
                            waited[0] = me;
                            enqueue(me);
                        }
                    } else {
                        me.clearNudge();
                    }
                }
            } finally {
                lock.unlock();
            }
            if (nudge != null) {
                nudge.nudge();
            }
            if (openOne) {
                return Futures.await(acquireUnobserved(timeout)); // room to grow: open one as usual
            }
            if (slot != null) {
                if (readyToLend(slot, current)) {
                    return lease(slot);
                }
                // due for a check, expired or closed: the usual route sorts it out
                PoolWaiter checked = new PoolWaiter(new CompletableFuture<>(), me == null ? timeout
                        : Duration.ofNanos(Math.max(0, me.deadline - System.nanoTime())), this::forget);
                lend(slot, checked);
                return Futures.await(checked.result);
            }
            if (me == null || me.result.isDone() || !me.queued) {
                if (me == null) {
                    throw closedError();
                }
                return Futures.await(me.result);
            }
            parkUntilNudged(me);
        }
    }

    /** The caller handed a connection as the longest waiter has it now (or gave up): the next one may be. */
    private void handOverDone(PoolWaiter waiter) {
        lock.lock();
        try {
            if (waiter.handedInTurn) {
                waiter.handedInTurn = false;
                handingInTurn--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Parks the calling thread until {@code me} is nudged or completed (its timer fails it at its deadline). */
    private static void parkUntilNudged(PoolWaiter me) {
        while (!me.nudged() && !me.result.isDone()) {
            LockSupport.parkNanos(me, Math.max(me.deadline - System.nanoTime(), 0) + PARK_SLACK_NANOS);
            if (Thread.interrupted()) {
                me.result.cancel(false); // leaves the line (forget)
                Thread.currentThread().interrupt();
                throw new PgInterfaceException("interrupted while waiting for a pooled connection");
            }
        }
    }

    /**
     * Takes a free connection, call with the lock held: one served by the calling thread if one
     * of the most recently used is (a callback on a PgJet I/O thread then writes its query at
     * once instead of handing it to another thread), else the most recently used.
     */
    private PoolSlot takeFree() {
        int looked = 0;
        for (Iterator<PoolSlot> it = idle.iterator(); it.hasNext() && looked < AFFINITY_SCAN; looked++) {
            PoolSlot slot = it.next();
            if (slot.connection instanceof RealConnection && ((RealConnection) slot.connection).servedByCurrentThread()) {
                it.remove();
                return slot;
            }
        }
        return idle.pollFirst();
    }

    /**
     * Takes in, without blocking, what a free caller-driven connection received while unused —
     * typically the FATAL and close of a server that ended the session — so it is seen closed
     * before it is lent, not by its borrower's first query; the sweep alone looks only once a
     * second. Costs one non-blocking read; nothing on the event-loop transport, which reads anyway.
     */
    private static void takeInIdleInput(PoolSlot slot) {
        if (slot.connection instanceof RealConnection) {
            ((RealConnection) slot.connection).pollIdle();
        }
    }

    /** Whether a free connection can be lent as it is: open, current, and not due for a check. */
    private boolean readyToLend(PoolSlot slot, int currentGeneration) {
        takeInIdleInput(slot);
        long now = System.nanoTime();
        return !slot.connection.isClosed() && !expired(slot, now, currentGeneration) && !healthCheckDue(slot, now)
                && !recheckDue(slot, now);
    }

    /** Starts a lease on {@code slot} and returns the connection object the borrower gets. */
    private PooledConnection lease(PoolSlot slot) {
        PoolLease lease = new PoolLease(this, slot);
        slot.lease = lease;
        if (observer.timesLeases()) {
            slot.leasedAt = System.nanoTime();
        }
        return new PooledConnection(lease, slot.connection);
    }

    /** Serves {@code waiter} now if a connection is free or may be opened, else queues it. */
    private void attempt(PoolWaiter waiter) {
        PoolSlot slot;
        boolean open = false;
        lock.lock();
        try {
            if (closing) {
                slot = null;
            } else {
                slot = idle.pollFirst();
                if (slot == null && size0() < options.maxSize()) {
                    opening++;
                    open = true;
                } else if (slot == null) {
                    enqueue(waiter);
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
        if (slot != null) {
            lend(slot, waiter);
        } else if (open) {
            waiter.startTimer(); // the wait covers opening the connection too
            open(waiter);
        } else {
            waiter.result.completeExceptionally(closedError());
        }
    }

    /**
     * Hands an existing connection to {@code waiter}, checking it first if it sat unused long
     * enough. The check is a round trip the server may never answer: the waiter's own timer
     * covers it, and the check itself is bounded like a reset so the connection cannot stay
     * out of the pool forever.
     */
    private void lend(PoolSlot slot, PoolWaiter waiter) {
        takeInIdleInput(slot);
        long now = System.nanoTime();
        if (slot.connection.isClosed() || expired(slot, now, currentGeneration())) {
            discard(slot, false);
            attempt(waiter);
            return;
        }
        if (recheckDue(slot, now)) {
            waiter.startTimer();
            int slotGeneration = slot.generation;
            recheck.matches(slot.connection, resetTimeout()).whenComplete((matches, error) -> {
                if (error != null || !matches) {
                    if (error == null) {
                        retire(slotGeneration); // the server changed role: so did the others'
                    }
                    discard(slot, true);
                    attempt(waiter);
                } else {
                    markChecked(slot);
                    setUp(slot, waiter);
                }
            });
            return;
        }
        if (healthCheckDue(slot, now)) {
            waiter.startTimer();
            slot.connection.withTimeout(resetTimeout()).execute("select 1").whenComplete((ok, error) -> {
                if (error != null) {
                    discard(slot, true);
                    attempt(waiter);
                } else {
                    setUp(slot, waiter);
                }
            });
            return;
        }
        setUp(slot, waiter);
    }

    /**
     * Opens a new connection for {@code waiter} (or, when it is null, for the free stack); call
     * after counting it in {@code opening}. The future says whether it opened (never fails for a
     * waiter, whose own future gets the error).
     */
    private CompletableFuture<Void> open(PoolWaiter waiter) {
        CompletableFuture<AsyncConnection> connecting;
        try {
            connecting = connector.get();
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> opened = new CompletableFuture<>();
        connecting.thenCompose(connection -> initialize(connection)).whenComplete((slot, error) -> {
            if (error != null) {
                lock.lock();
                try {
                    opening--;
                } finally {
                    lock.unlock();
                }
                if (waiter != null) {
                    waiter.result.completeExceptionally(Futures.unwrap(error));
                }
                finishCloseIfDone();
                serveWaiters();
                opened.completeExceptionally(Futures.unwrap(error));
            } else {
                if (waiter != null) {
                    setUp(slot, waiter);
                } else {
                    putBack(slot);
                }
                opened.complete(null);
            }
        });
        return opened;
    }

    /**
     * Runs the init hook on a new connection and records it as the pool's; closes it if the hook
     * fails. For the tracked reset, what startup and init did is no borrower's change, and the
     * settings init made are kept to be restored after a RESET ALL.
     */
    private CompletableFuture<PoolSlot> initialize(AsyncConnection connection) {
        TrackedReset.forgetChanges(connection);
        return PoolHooks.run("init", options.init(), connection, resetTimeout()).thenCompose(ok -> options.reset() == PoolOptions.TRACKED_RESET
                ? TrackedReset.settingsAfterInit(connection)
                : CompletableFuture.completedFuture(TrackedReset.InitSettings.NONE)).handle((initSettings, error) -> {
            if (error != null) {
                connection.terminate();
                throw Futures.asCompletionException(error);
            }
            PoolSlot slot;
            lock.lock();
            try {
                opening--;
                slot = new PoolSlot(connection, generation, System.nanoTime(), initSettings);
                slots.add(slot);
            } finally {
                lock.unlock();
            }
            connection.addTerminationListener(() -> terminated(slot));
            observer.created();
            return slot;
        });
    }

    /**
     * Runs the setup hook on a lease of {@code slot} and gives it to {@code waiter}. A hook that
     * does not finish at once runs under the waiter's timer: the caller's timeout holds whatever
     * the hook does. A hook that fails gives the connection back; one that never finishes has it
     * closed (what it is still doing on it is unknown).
     */
    private void setUp(PoolSlot slot, PoolWaiter waiter) {
        PooledConnection connection = lease(slot);
        CompletableFuture<?> ready = PoolHooks.run("setup", options.setup(), connection, resetTimeout());
        if (!ready.isDone()) {
            waiter.startTimer();
        }
        ready.whenComplete((ok, error) -> {
            if (error != null) {
                waiter.result.completeExceptionally(Futures.unwrap(error));
                if (PoolHooks.timedOut(error)) {
                    connection.terminate();
                } else {
                    connection.closeAsync();
                }
            } else if (!waiter.complete(connection)) {
                connection.closeAsync(); // the caller gave up (timeout or cancel) while we were getting it ready
            }
        });
    }

    /** Arms the waiters' timer for {@code deadline} unless it fires sooner already; call with the lock held. */
    private void armWaiterTimer(long deadline) {
        if (waiterTimer != null && waiterTimerDeadline - deadline <= 0) {
            return;
        }
        if (waiterTimer != null) {
            waiterTimer.cancel(false);
        }
        waiterTimerDeadline = deadline;
        waiterTimer = PoolTimer.get().schedule(this::expireWaiters, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Fails the queued waiters whose time is up and re-arms the timer for the next deadline. */
    private void expireWaiters() {
        List<PoolWaiter> expired = new ArrayList<>();
        lock.lock();
        try {
            waiterTimer = null;
            long now = System.nanoTime();
            Long next = null;
            for (Iterator<PoolWaiter> it = waiters.iterator(); it.hasNext();) {
                PoolWaiter waiter = it.next();
                if (waiter.deadline - now <= 0) {
                    it.remove();
                    waiter.queued = false;
                    expired.add(waiter);
                } else if (next == null || waiter.deadline - next < 0) {
                    next = waiter.deadline;
                }
            }
            if (next != null) {
                armWaiterTimer(next);
            }
        } finally {
            lock.unlock();
        }
        for (PoolWaiter waiter : expired) {
            waiter.timedOutInLine(options.maxSize());
        }
    }

    // ---- releasing -------------------------------------------------------------------------

    /**
     * Takes {@code slot} back from a lease: resets the session and puts the connection back, or
     * closes it if it is broken, due for replacement, or the reset failed. Never fails.
     *
     * @param clean whether the lease's listeners came off cleanly
     */
    CompletableFuture<Void> release(PoolSlot slot, boolean clean) {
        slot.lease = null;
        if (observer.timesLeases() && slot.leasedAt != 0) {
            observer.released(System.nanoTime() - slot.leasedAt);
            slot.leasedAt = 0;
        }
        if (!clean || slot.connection.isClosed()) {
            discard(slot, true);
            return CompletableFuture.completedFuture(null);
        }
        if (slot.roleInDoubt && recheck.checksRole()) {
            // A read-only error: the borrower's own read-only transaction, or a failover. Ask.
            slot.roleInDoubt = false;
            int slotGeneration = slot.generation;
            return recheck.matches(slot.connection, resetTimeout()).handle((matches, error) -> {
                if (error != null || !matches) {
                    if (error == null) {
                        retire(slotGeneration);
                    }
                    discard(slot, true);
                    return CompletableFuture.<Void>completedFuture(null);
                }
                markChecked(slot);
                return release(slot, true);
            }).thenCompose(f -> f);
        }
        Function<AsyncConnection, CompletableFuture<?>> reset = options.reset();
        if (reset == null || (reset == PoolOptions.ROLLBACK_ONLY && !slot.connection.isInTransaction())
                || (reset == PoolOptions.TRACKED_RESET && TrackedReset.isClean(slot.connection))) {
            afterReset(slot, null); // nothing to send: no view, no round trip
            return CompletableFuture.completedFuture(null);
        }
        AsyncConnection bounded = slot.connection.withTimeout(resetTimeout());
        CompletableFuture<?> done;
        if (reset == PoolOptions.TRACKED_RESET) {
            try {
                done = TrackedReset.reset(bounded, slot.initSettings);
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
        } else {
            done = PoolHooks.run("reset", reset, bounded, resetTimeout());
        }
        return done.handle((ok, error) -> {
            afterReset(slot, error);
            return null;
        });
    }

    /** Puts a connection back after its reset, or replaces it if it cannot or should not go back. */
    private void afterReset(PoolSlot slot, Throwable resetError) {
        if (resetError != null || slot.connection.isInTransaction()) {
            discard(slot, true);
        } else if (dueForReplacement(slot)) {
            discard(slot, false);
        } else {
            putBack(slot);
        }
    }

    /** How long a release may spend on the server (UNLISTENs, the reset) before the connection is dropped. */
    Duration resetTimeout() {
        Duration timeout = options.acquireTimeout();
        return timeout.isZero() ? Duration.ofSeconds(30) : timeout;
    }

    private boolean dueForReplacement(PoolSlot slot) {
        return (options.maxQueries() > 0 && slot.queries.get() >= options.maxQueries())
                || expired(slot, System.nanoTime(), currentGeneration());
    }

    /** Whether the slot outlived {@code maxLifetime} or an {@code expireConnections} call. */
    private boolean expired(PoolSlot slot, long now, int currentGeneration) {
        Duration maxLifetime = options.maxLifetime();
        return slot.generation != currentGeneration
                || (!maxLifetime.isZero() && now - slot.openedAt >= maxLifetime.toNanos());
    }

    /** Whether the slot sat unused long enough to be checked with a round trip before it is lent. */
    private boolean healthCheckDue(PoolSlot slot, long now) {
        Duration checkAfter = options.healthCheckAfter();
        return checkAfter != null && now - slot.idleSince >= checkAfter.toNanos();
    }

    /** Whether the slot is due for the periodic role check of {@code host_recheck_seconds}. */
    private boolean recheckDue(PoolSlot slot, long now) {
        // Without host_recheck_seconds (the default) this costs no lock on the lend path.
        return recheck.periodic() && recheck.due(locked(() -> slot.checkedAt), now);
    }

    private void markChecked(PoolSlot slot) {
        long now = System.nanoTime();
        lock.lock();
        try {
            slot.checkedAt = now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A connection of {@code slotGeneration} found its server no longer has the role the pool
     * asked for: every connection opened until now may talk to the same server, so all of them
     * are replaced (free ones now, lent ones on release), as by {@link #expireConnections()}.
     * Done once per generation, so many leases noticing the same failover retire it once.
     */
    private void retire(int slotGeneration) {
        boolean retired;
        lock.lock();
        try {
            retired = generation == slotGeneration;
            if (retired) {
                generation++;
            }
        } finally {
            lock.unlock();
        }
        if (retired) {
            sweep();
        }
    }

    private int currentGeneration() {
        return locked(() -> generation);
    }

    /**
     * Gives a usable connection to the first waiter, or puts it on the free stack: when nobody
     * waits, and also when the first in line is a blocking caller that has not waited long
     * ({@link #BARGE_WINDOW_NANOS}) — then whoever asks first takes it, most often the thread that
     * just gave it back and is still running, and a waiter is only woken to try for it. A
     * hand-off to a parked thread costs a kernel wake-up and a context switch per borrow, which
     * with many more callers than CPUs was the blocking pool's main cost.
     */
    private void putBack(PoolSlot slot) {
        PoolWaiter waiter = null;
        PoolWaiter nudge = null;
        boolean shut;
        long now = System.nanoTime();
        lock.lock();
        try {
            // Stamped whether it goes to the free stack or straight to a waiter: a connection
            // handed from borrower to borrower was in use all along, and must not look unused
            // since it was opened (that made a busy pool health-check every hand-off).
            slot.idleSince = now;
            shut = closing;
            if (!shut) {
                PoolWaiter first = firstWaiter();
                if (first == null || mayBarge(first, now)) {
                    idle.addFirst(slot);
                    nudge = first == null ? null : nudgeable();
                } else {
                    waiter = pollWaiter();
                    if (waiter.thread != null) {
                        waiter.handedInTurn = true;
                        handingInTurn++;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (shut) {
            discard(slot, false);
        } else if (waiter != null) {
            lend(slot, waiter);
        } else if (nudge != null) {
            nudge.nudge();
        }
    }

    // ---- the line of waiters (all of these with the lock held) ----------------------------

    private void enqueue(PoolWaiter waiter) {
        waiter.queued = true;
        waiters.addLast(waiter);
        armWaiterTimer(waiter.deadline);
    }

    /** The first waiter in line that has not given up; those that have (cancelled, timed out) leave. */
    private PoolWaiter firstWaiter() {
        PoolWaiter first;
        while ((first = waiters.peekFirst()) != null && first.result.isDone()) {
            pollWaiter();
        }
        return first;
    }

    private PoolWaiter pollWaiter() {
        PoolWaiter waiter = waiters.pollFirst();
        if (waiter != null) {
            waiter.queued = false;
        }
        return waiter;
    }

    /**
     * Whether a free connection may go to whoever asks first rather than to {@code first}, the
     * first in line: only while it is a blocking caller (it is woken to try) that has waited less
     * than the barging window, or while a connection is already on its way to the blocking caller
     * before it. Past the window, connections go to the longest waiters one at a time — each
     * waits for the kernel to run a parked thread, which on a machine short of CPU takes
     * milliseconds; handing every connection that way stalled all of them at once (the pool
     * collapsed to a few thousand borrows a second under load) — while the rest keep flowing.
     * Asynchronous waiters are always served in order: handing one a connection runs its
     * callback right here, with no wake-up to save.
     */
    private boolean mayBarge(PoolWaiter first, long now) {
        return first.thread != null && (now - first.since < BARGE_WINDOW_NANOS || handingInTurn > 0);
    }

    /** The first blocking waiter not already woken to try for a free connection, or null. */
    private PoolWaiter nudgeable() {
        for (PoolWaiter waiter : waiters) {
            if (waiter.thread != null && !waiter.nudged() && !waiter.result.isDone()) {
                return waiter;
            }
        }
        return null;
    }

    /**
     * Drops a connection from the pool and closes it (at once when {@code terminate}, else
     * gracefully), then lets a waiter open a replacement and tops the pool up to {@code minSize}.
     */
    private void discard(PoolSlot slot, boolean terminate) {
        boolean removed;
        boolean shuttingDown;
        lock.lock();
        try {
            removed = slots.remove(slot);
            idle.remove(slot);
            shuttingDown = closing;
        } finally {
            lock.unlock();
        }
        if (terminate) {
            slot.connection.terminate();
        } else if (!slot.connection.isClosed()) {
            slot.connection.closeAsync();
        }
        if (removed) {
            // Terminated while the pool runs: it was broken, or failed its check or reset.
            observer.closed(System.nanoTime() - slot.openedAt, (terminate && !shuttingDown) || slot.lost);
            finishCloseIfDone();
            serveWaiters();
            topUp();
        }
    }

    /** A connection ended by itself (server shutdown, network): forget it and tell its borrower. */
    private void terminated(PoolSlot slot) {
        slot.lost = true;
        PoolLease lease = slot.lease;
        if (lease != null) {
            lease.connectionTerminated();
        }
        lock.lock();
        try {
            if (!idle.contains(slot)) {
                return; // lent out: the borrower sees the failure and the release discards it
            }
        } finally {
            lock.unlock();
        }
        discard(slot, false);
    }

    /** Opens connections for queued waiters while there is room (after a connection went away). */
    private void serveWaiters() {
        while (true) {
            PoolWaiter waiter;
            lock.lock();
            try {
                if (closing || waiters.isEmpty() || size0() >= options.maxSize()) {
                    return;
                }
                waiter = pollWaiter();
                opening++;
            } finally {
                lock.unlock();
            }
            waiter.startTimer(); // left the line: its own timer covers the connect
            open(waiter);
        }
    }

    /** Opens connections until {@code minSize} are open (failures are left for the next sweep). */
    private void topUp() {
        while (true) {
            lock.lock();
            try {
                if (closing || size0() >= options.minSize()) {
                    return;
                }
                opening++;
            } finally {
                lock.unlock();
            }
            open(null);
        }
    }

    /** Closes free connections that sat unused too long or outlived their lifetime, then tops up. */
    private void sweep() {
        List<PoolSlot> stale = new ArrayList<>();
        List<PoolSlot> free;
        long now = System.nanoTime();
        lock.lock();
        try {
            if (closing) {
                return;
            }
            free = new ArrayList<>(idle);
            long maxIdle = options.maxInactiveLifetime().toNanos();
            int open = size0();
            // Oldest-idle first: the free stack's tail holds the connections unused the longest.
            for (Iterator<PoolSlot> it = idle.descendingIterator(); it.hasNext();) {
                PoolSlot slot = it.next();
                boolean unusedTooLong = maxIdle > 0 && now - slot.idleSince >= maxIdle && open > options.minSize();
                if (unusedTooLong || expired(slot, now, generation)) {
                    it.remove();
                    stale.add(slot);
                    open--;
                }
            }
        } finally {
            lock.unlock();
        }
        stale.forEach(slot -> discard(slot, false));
        // A free caller-driven connection reads nothing by itself: look for a server's goodbye.
        for (PoolSlot slot : free) {
            if (!stale.contains(slot) && slot.connection instanceof RealConnection) {
                ((RealConnection) slot.connection).pollIdle();
            }
        }
        topUp();
    }

    // ---- read-only side and hosts ----------------------------------------------------------

    @Override
    public ConnectionPool readOnly() {
        lock.lock();
        try {
            if (readOnly == null) {
                if (closing) {
                    throw closedError();
                }
                ConnectionConfig replicas = config.toBuilder().targetSessionAttrs(TargetSessionAttrs.PREFER_STANDBY)
                        .loadBalanceHosts(LoadBalanceHosts.RANDOM).build();
                readOnly = new ConnectionPool(replicas, options, connect);
                readOnly.readOnly = readOnly;
            }
            return readOnly;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<List<HostStatus>> hostStatus() {
        CompletableFuture<List<HostStatus>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (PgHost host : config.hosts()) {
            all = all.thenCompose(list -> statusOf(host).thenApply(status -> {
                list.add(status);
                return list;
            }));
        }
        return all.thenApply(List::copyOf);
    }

    private CompletableFuture<HostStatus> statusOf(PgHost host) {
        ConnectionConfig one = config.toBuilder().hosts(List.of(host)).targetSessionAttrs(TargetSessionAttrs.ANY)
                .loadBalanceHosts(LoadBalanceHosts.DISABLE).build();
        CompletableFuture<? extends AsyncConnection> connecting;
        try {
            connecting = connect.apply(one);
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        return connecting.thenCompose(connection -> connection.withTimeout(resetTimeout()).fetchRow(
                "select pg_catalog.pg_is_in_recovery(), extract(epoch from pg_catalog.now()"
                        + " - pg_catalog.pg_last_xact_replay_timestamp())::float8")
                .whenComplete((row, error) -> connection.closeAsync()))
                .handle((row, error) -> {
                    if (error != null) {
                        return new HostStatus(host, false, false, null);
                    }
                    boolean standby = row.get(0, Boolean.class);
                    Double lag = row.get(1, Double.class);
                    Duration replayLag = !standby || lag == null ? null
                            : Duration.ofNanos(Math.max(0, (long) (lag * 1e9)));
                    return new HostStatus(host, true, standby, replayLag);
                });
    }

    // ---- state and shutdown ----------------------------------------------------------------

    /** Connections open or opening; call with the lock held. */
    private int size0() {
        return slots.size() + opening;
    }

    /** Reads pool state under the lock. */
    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        return locked(this::size0);
    }

    @Override
    public int idleSize() {
        return locked(idle::size);
    }

    @Override
    public int waiting() {
        return locked(waiters::size);
    }

    @Override
    public PoolOptions options() {
        return options;
    }

    @Override
    public void expireConnections() {
        lock.lock();
        try {
            generation++;
        } finally {
            lock.unlock();
        }
        sweep();
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        List<PoolWaiter> failed;
        List<PoolSlot> free;
        ConnectionPool side;
        lock.lock();
        try {
            side = readOnly == this ? null : readOnly;
            closing = true;
            failed = new ArrayList<>(waiters);
            failed.forEach(waiter -> waiter.queued = false);
            waiters.clear();
            free = new ArrayList<>(idle);
        } finally {
            lock.unlock();
        }
        sweeper.cancel(false);
        for (PoolWaiter waiter : failed) {
            waiter.result.completeExceptionally(closedError());
        }
        free.forEach(slot -> discard(slot, false));
        finishCloseIfDone();
        return side == null ? closed : CompletableFuture.allOf(closed, side.closeAsync());
    }

    @Override
    public void terminate() {
        closeAsync();
        ConnectionPool side = locked(() -> readOnly == this ? null : readOnly);
        if (side != null) {
            side.terminate();
        }
        List<PoolSlot> all;
        lock.lock();
        try {
            all = new ArrayList<>(slots);
        } finally {
            lock.unlock();
        }
        all.forEach(slot -> discard(slot, true));
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        try {
            Futures.await(done.copy().orTimeout(resetTimeout().toNanos(), TimeUnit.NANOSECONDS));
        } catch (PgTimeoutException | CompletionException e) {
            // Connections still lent out (a borrower never closed its connection): close them
            // rather than wait forever.
            terminate();
        }
    }

    private void finishCloseIfDone() {
        if (locked(() -> closing && size0() == 0)) {
            closed.complete(null);
        }
    }

    private static PgInterfaceException closedError() {
        return new PgInterfaceException("the pool is closed");
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "pool of " + size0() + " connections (" + idle.size() + " free, " + waiters.size()
                    + " waiting, max " + options.maxSize() + ")";
        } finally {
            lock.unlock();
        }
    }

    /** The pool's live counts, as listeners see them. */
    private final class State implements PoolState {
        @Override
        public int size() {
            return ConnectionPool.this.size();
        }

        @Override
        public int idle() {
            return idleSize();
        }

        @Override
        public int pending() {
            return waiting();
        }

        @Override
        public int maxSize() {
            return options.maxSize();
        }
    }

    /** Takes a waiter that gave up out of the line. */
    private void forget(PoolWaiter waiter) {
        lock.lock();
        try {
            waiter.queued = false;
            waiters.remove(waiter);
        } finally {
            lock.unlock();
        }
    }
}
