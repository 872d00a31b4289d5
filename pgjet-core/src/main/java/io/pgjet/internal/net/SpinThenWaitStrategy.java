package io.pgjet.internal.net;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * How a PgJet I/O thread waits for socket events: when its previous wait was short (answers come
 * back quickly, as in a request/response loop) it keeps checking without blocking, yielding the
 * CPU between checks, for up to a small budget; otherwise, or when the budget runs out, it blocks
 * in the kernel as usual, so an idle connection costs nothing.
 *
 * <p>Why: a thread blocked in {@code epoll_wait} must be woken by the kernel when the answer
 * arrives, and on virtual machines in particular that wake-up (an idle CPU brought back by an
 * interrupt) can take longer than the database took to answer. A thread that is still running
 * when the answer lands skips it. Yielding between checks lets any other runnable thread — the
 * database server on the same machine, the application — have the CPU, so the checks use only
 * time nobody else wants. The budget is {@code -Dpgjet.spinMicros} (default
 * {@value NettyRuntime#DEFAULT_SPIN_MICROS} µs; 0 turns checking off). {@link SpinPolicy} turns
 * checking off while the machine is busy or checks stop paying, since then every check takes CPU
 * from the server being waited for.
 *
 * <p>One instance per event loop, used only on its thread.
 */
final class SpinThenWaitStrategy implements SelectStrategy {
    /**
     * Counts work handed to some I/O thread from outside: Netty does not wake a loop it believes
     * awake, so a checking loop looks at this to run new tasks at once instead of after its budget.
     */
    private static volatile long externalWork;

    private final long budgetNanos;
    private final SpinPolicy.Budget policy;
    /** When the loop last decided to block, or 0; the time until the next call is how long it waited. */
    private long blockedAt;
    private boolean lastWaitWasShort = true;

    SpinThenWaitStrategy(long budgetNanos) {
        this(new SpinPolicy.Budget(budgetNanos), budgetNanos);
    }

    /** Creates a strategy whose checks follow {@code policy} (tests give one that ignores the machine's load). */
    SpinThenWaitStrategy(SpinPolicy.Budget policy, long budgetNanos) {
        this.budgetNanos = budgetNanos;
        this.policy = policy;
    }

    /** Tells checking loops that a task was queued from another thread. */
    static void externalWorkQueued() {
        externalWork++; // a lost increment between racing callers still changes the value
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        long now = 0;
        if (blockedAt != 0) {
            now = System.nanoTime();
            lastWaitWasShort = now - blockedAt <= budgetNanos;
            blockedAt = 0;
        }
        int ready = selectNow.get();
        if (ready != 0 || hasTasks) {
            return ready;
        }
        long budget = lastWaitWasShort ? policy.nanosForThisWait() : 0;
        if (budget > 0) {
            long work = externalWork;
            long deadline = (now == 0 ? System.nanoTime() : now) + budget;
            do {
                Thread.yield();
                ready = selectNow.get();
                if (ready != 0 || externalWork != work) {
                    policy.record(true);
                    return ready; // 0 with new work: the loop runs its tasks, then asks again
                }
            } while (System.nanoTime() - deadline < 0);
            policy.record(false);
        }
        blockedAt = System.nanoTime();
        return SelectStrategy.SELECT;
    }
}
