package io.pgjet;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How a {@link Pool} sizes, recycles and prepares its connections. Immutable; start from
 * {@link #DEFAULT} and change what you need:
 *
 * <pre>{@code
 * PoolOptions options = PoolOptions.DEFAULT.withSize(2, 20)
 *         .withInit(conn -> conn.execute("set search_path = app, public"))
 *         .withAcquireTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The hooks ({@code init}, {@code setup}, {@code reset}) return a future and may run on
 * PgJet's I/O threads: they must not block; chain further queries on the future instead. A hook
 * whose future has not completed within {@code acquireTimeout} (30 s when that is zero) counts as
 * failed and its connection is closed, so a hook that never finishes cannot hold a place in the
 * pool forever.
 *
 * <p>The defaults follow asyncpg's {@code create_pool} where it has one (10 connections, kept
 * open from the start; a connection is replaced after 50,000 queries or 300 s unused) and
 * HikariCP's otherwise (30 s to wait for a free connection, a connection lives at most 30 min).
 *
 * @param minSize connections kept open even when unused; opened when the pool is created
 * @param maxSize the most connections open at once; callers beyond it wait for a free one
 * @param maxQueries queries after which a connection is closed (on release) and replaced;
 *     0 for no limit
 * @param maxInactiveLifetime how long an unused connection above {@code minSize} stays open;
 *     {@link Duration#ZERO} keeps them
 * @param maxLifetime how long any connection may live before it is replaced (checked when it is
 *     free, never while in use); {@link Duration#ZERO} for no limit
 * @param acquireTimeout how long {@code acquire} waits for a free connection before it fails with
 *     {@link PgTimeoutException}
 * @param healthCheckAfter a connection unused for this long is checked with a round trip
 *     ({@code select 1}) before it is handed out, and replaced if the check fails (or gets no
 *     answer: the acquire still fails after its timeout); {@link Duration#ZERO} checks on every
 *     acquire, {@code null} never
 * @param init called once for every new connection before its first use (e.g. to register
 *     codecs or set session defaults, which {@link #TRACKED_RESET} keeps); {@code null} for none.
 *     A failure closes the connection and fails the {@code acquire} (or the pool creation) that
 *     opened it
 * @param setup called on every acquire with the very connection that acquire hands out (not
 *     when the pool opens its first connections); {@code null} for none. A failure fails that
 *     acquire and gives the connection back; the acquire's timeout covers the hook
 * @param reset called on every release (once per release, and only then) before the connection
 *     goes back to the pool; the default is {@link #TRACKED_RESET}, which undoes only what the
 *     borrower visibly changed and sends nothing when it changed nothing; {@link #FULL_RESET} runs
 *     {@link AsyncConnection#reset()} (rolls back, closes cursors, releases advisory locks,
 *     unlistens, resets settings, drops temporary tables). A failure closes the connection.
 *     {@link #ROLLBACK_ONLY} only rolls back a transaction left open; {@code null} skips it, and a
 *     connection left in a transaction is then closed
 */
public record PoolOptions(int minSize, int maxSize, long maxQueries, Duration maxInactiveLifetime,
        Duration maxLifetime, Duration acquireTimeout, Duration healthCheckAfter,
        Function<AsyncConnection, CompletableFuture<?>> init,
        Function<AsyncConnection, CompletableFuture<?>> setup,
        Function<AsyncConnection, CompletableFuture<?>> reset) {

    /**
     * A {@code reset} hook for pools whose users never change session state: it makes no round
     * trip unless the borrower left a transaction open (then it runs the full
     * {@link AsyncConnection#reset()}). Settings (including {@code set_config}), advisory locks,
     * LISTENs made in SQL, WITH HOLD cursors and temporary tables a borrower leaves behind are
     * NOT cleared — the next borrower sees them — which is what HikariCP and vertx-pg-client's
     * pool do. Since {@link #TRACKED_RESET} (the default) also sends nothing for a borrower that
     * changed nothing, this is only cheaper for borrowers that do change settings and expect the
     * change to stay.
     */
    public static final Function<AsyncConnection, CompletableFuture<?>> ROLLBACK_ONLY =
            connection -> connection.isInTransaction() ? connection.reset() : CompletableFuture.completedFuture(null);

    /**
     * The default {@code reset} hook: undoes what the borrower changed, as far as the server
     * reported it, and sends nothing for a borrower that changed nothing (most of them). PgJet
     * records, from what the server sends back anyway (command tags, ParameterStatus), which kinds
     * of session state a lease touched, and on release sends only what undoes them, in one round
     * trip:
     * <ul>
     * <li>{@code SET}/{@code RESET}, or a setting the server reports changed (application_name,
     *     TimeZone, DateStyle... even through {@code set_config}): {@code RESET ALL};
     * <li>{@code LISTEN}: {@code UNLISTEN *};
     * <li>{@code DECLARE} (a WITH HOLD cursor): {@code CLOSE ALL};
     * <li>{@code CREATE ...} (perhaps a temporary table, view, sequence...): {@code DISCARD TEMP};
     * <li>SQL {@code PREPARE}: deallocates the SQL-level prepared statements (PgJet's own cached
     *     statements stay);
     * <li>{@code DISCARD ALL}/{@code DEALLOCATE}: PgJet forgets its statement cache;
     * <li>a transaction left open, a {@code DO} block or {@code CALL} (code that may have changed
     *     anything), or commands still running at release: the full {@link AsyncConnection#reset()}.
     * </ul>
     * Statements prepared with {@code prepare()} and listeners added through the lease are closed
     * and removed on release whatever the reset hook.
     *
     * <p>What the server does not report cannot be seen, and passes to the next borrower: session
     * advisory locks ({@code pg_advisory_lock}), {@code set_config} of an unreported setting
     * (work_mem, statement_timeout...) called inside a SELECT, temporary tables or settings made by a
     * function called from a SELECT, {@code CREATE TEMP TABLE ... AS} and {@code SELECT ... INTO}
     * (their tag is {@code SELECT n}), sequence state ({@code currval}). Borrowers that do such
     * things should use {@link #FULL_RESET} (or undo them themselves). {@code SET ROLE} and
     * {@code SET SESSION AUTHORIZATION} are not undone by {@code RESET ALL}, so by neither reset.
     *
     * <p>Settings an {@code init} hook makes ({@code SET}, {@code set_config}) are the pool's
     * session defaults: they are read once after {@code init} and put back, in the same round
     * trip, after every {@code RESET ALL}. (A {@code LISTEN} made by {@code init} does not survive
     * a borrower's {@code LISTEN}: {@code UNLISTEN *} ends it, as the full reset does.)
     */
    public static final Function<AsyncConnection, CompletableFuture<?>> TRACKED_RESET =
            io.pgjet.internal.pool.TrackedReset::reset;

    /**
     * A {@code reset} hook that always runs the full {@link AsyncConnection#reset()} (rollback,
     * {@code CLOSE ALL}, {@code pg_advisory_unlock_all()}, {@code UNLISTEN *}, {@code RESET ALL},
     * {@code DISCARD TEMP}: one round trip of five statements, about three point selects' worth
     * of server work), whatever the borrower did. For pools whose borrowers take session advisory
     * locks or change state in ways {@link #TRACKED_RESET} cannot see.
     */
    public static final Function<AsyncConnection, CompletableFuture<?>> FULL_RESET = AsyncConnection::reset;

    /** 10 connections, 50,000 queries or 30 min each, 300 s idle, 30 s acquire, check after 5 s idle, tracked reset. */
    public static final PoolOptions DEFAULT = new PoolOptions(10, 10, 50_000, Duration.ofSeconds(300),
            Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofSeconds(5), null, null, TRACKED_RESET);

    /**
     * Checks the options.
     *
     * @param minSize connections kept open even when unused; between 0 and {@code maxSize}
     * @param maxSize the most connections open at once; at least 1
     * @param maxQueries queries before a connection is replaced; 0 or more (0: no limit)
     * @param maxInactiveLifetime idle time before a connection above {@code minSize} closes; not null,
     *     not negative
     * @param maxLifetime the age at which a free connection is replaced; not null, not negative
     * @param acquireTimeout how long {@code acquire} waits; not null, not negative
     * @param healthCheckAfter idle time after which a connection is checked; not negative, or null to
     *     never check
     * @param init the new-connection hook, or null
     * @param setup the per-acquire hook, or null
     * @param reset the per-release hook, or null
     * @throws PgInterfaceException if a size or limit is out of range
     */
    public PoolOptions {
        if (maxSize < 1) {
            throw new PgInterfaceException("maxSize must be at least 1: " + maxSize);
        }
        if (minSize < 0 || minSize > maxSize) {
            throw new PgInterfaceException("minSize must be between 0 and maxSize (" + maxSize + "): " + minSize);
        }
        if (maxQueries < 0) {
            throw new PgInterfaceException("maxQueries must not be negative: " + maxQueries);
        }
        requireNonNegative("maxInactiveLifetime", maxInactiveLifetime);
        requireNonNegative("maxLifetime", maxLifetime);
        requireNonNegative("acquireTimeout", acquireTimeout);
        if (healthCheckAfter != null) {
            requireNonNegative("healthCheckAfter", healthCheckAfter);
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new PgInterfaceException(name + " must not be negative: " + value);
        }
    }

    /**
     * Returns a copy with both sizes set.
     *
     * @param minSize connections kept open even when unused
     * @param maxSize the most connections open at once
     * @return a copy with both sizes (checked as in the constructor)
     */
    public PoolOptions withSize(int minSize, int maxSize) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code maxSize}; {@code minSize} is lowered to it if it was above.
     *
     * @param maxSize the most connections open at once
     * @return a copy with the new maximum
     */
    public PoolOptions withMaxSize(int maxSize) {
        return withSize(Math.min(minSize, Math.max(maxSize, 0)), maxSize);
    }

    /**
     * Returns a copy with this {@code minSize}; {@code maxSize} is raised to it if it was below.
     *
     * @param minSize connections kept open even when unused
     * @return a copy with the new minimum
     */
    public PoolOptions withMinSize(int minSize) {
        return withSize(minSize, Math.max(maxSize, minSize));
    }

    /**
     * Returns a copy with this {@code maxQueries} (0 for no limit).
     *
     * @param maxQueries queries after which a connection is replaced, or 0
     * @return a copy with the new limit
     */
    public PoolOptions withMaxQueries(long maxQueries) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code maxInactiveLifetime} ({@link Duration#ZERO} keeps idle
     *  connections).
     *
     * @param maxInactiveLifetime how long an unused connection above {@code minSize} stays open
     * @return a copy with the new idle lifetime
     */
    public PoolOptions withMaxInactiveLifetime(Duration maxInactiveLifetime) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code maxLifetime} ({@link Duration#ZERO} for no limit).
     *
     * @param maxLifetime how long any connection may live
     * @return a copy with the new lifetime
     */
    public PoolOptions withMaxLifetime(Duration maxLifetime) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code acquireTimeout}.
     *
     * @param acquireTimeout how long {@code acquire} waits for a free connection
     * @return a copy with the new timeout
     */
    public PoolOptions withAcquireTimeout(Duration acquireTimeout) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code healthCheckAfter} ({@code null} never checks).
     *
     * @param healthCheckAfter idle time after which a connection is checked before it is handed out
     * @return a copy with the new threshold
     */
    public PoolOptions withHealthCheckAfter(Duration healthCheckAfter) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code init} hook ({@code null} for none).
     *
     * @param init called once for every new connection before its first use
     * @return a copy with the new hook
     */
    public PoolOptions withInit(Function<AsyncConnection, CompletableFuture<?>> init) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code setup} hook ({@code null} for none).
     *
     * @param setup called on every acquire with the connection handed out
     * @return a copy with the new hook
     */
    public PoolOptions withSetup(Function<AsyncConnection, CompletableFuture<?>> setup) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }

    /**
     * Returns a copy with this {@code reset} hook ({@code null} skips resetting; see the class
     *  doc).
     *
     * @param reset called on every release before the connection goes back, e.g.
     *     {@link #TRACKED_RESET}
     * @return a copy with the new hook
     */
    public PoolOptions withReset(Function<AsyncConnection, CompletableFuture<?>> reset) {
        return new PoolOptions(minSize, maxSize, maxQueries, maxInactiveLifetime, maxLifetime, acquireTimeout,
                healthCheckAfter, init, setup, reset);
    }
}
