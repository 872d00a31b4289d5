package io.pgjet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures where the CPU went during a measured interval: this JVM's CPU time (the client: every
 * thread, JIT and GC included), the CPU time of the local PostgreSQL processes (the server), and
 * how busy the whole machine was.
 *
 * <p>Why: when client and server share a machine, throughput is bounded by
 * {@code cores / (client CPU per operation + server CPU per operation)} once the CPUs are busy, so
 * these figures say whether a driver is slower because it waits or because it spends more CPU.
 *
 * <p>Server and machine figures come from Linux's {@code /proc}; elsewhere, or when no process
 * named {@code postgres} is visible (a remote server), they are unknown. Once the bench knows its
 * server ({@link #watchServerOf}), server CPU counts only that server's postmaster and its
 * children, so another PostgreSQL on the same machine is not counted; before that, every
 * {@code postgres} process is. Backends that start during the interval count from zero, and
 * backends that end during it (a pool replacing a connection) are counted through their
 * postmaster's reaped-children times ({@code cutime + cstime} of {@code /proc/[pid]/stat}, at tick
 * resolution) — without that a pool that replaces its connections showed almost no server CPU.
 * The machine's busy share comes from
 * {@code /proc/stat}, which is sampled at the timer tick, so it means something only over a whole
 * window; time stolen by the hypervisor counts as busy (the CPU was wanted, not idle).
 */
final class CpuMeter {
    private static final Path PROC = Path.of("/proc");
    private static final com.sun.management.OperatingSystemMXBean OS = osBean();

    /** Nanoseconds per clock tick of /proc's process times (USER_HZ, 100 on Linux). */
    private static final long TICK_NANOS = 10_000_000L;
    /** The postmaster of the server under test, or -1 while unknown (then every postgres counts). */
    private static volatile long postmaster = -1;

    private final long jvmNanos;
    private final Map<Long, Long> postgresNanos;
    private final long reapedNanos;
    private final long busyTicks;
    private final long totalTicks;

    private CpuMeter(long jvmNanos, Map<Long, Long> postgresNanos, long reapedNanos, long[] machine) {
        this.jvmNanos = jvmNanos;
        this.postgresNanos = postgresNanos;
        this.reapedNanos = reapedNanos;
        this.busyTicks = machine[0];
        this.totalTicks = machine[1];
    }

    private static com.sun.management.OperatingSystemMXBean osBean() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean
                ? (com.sun.management.OperatingSystemMXBean) bean : null;
    }

    /**
     * Starts an interval. The JVM's CPU time is read last, so the cost of reading {@code /proc} is
     * not charged to the client.
     */
    static CpuMeter start() {
        Map<Long, Long> postgres = postgresNanos();
        long reaped = reapedNanos();
        long[] machine = machineTicks();
        return new CpuMeter(jvmCpuNanos(), postgres, reaped, machine);
    }

    /**
     * Counts from now on only the server that runs {@code backendPid} (a backend of the bench's own
     * connection): its postmaster and that postmaster's children. Does nothing when the process is
     * not visible (a remote server).
     */
    static void watchServerOf(long backendPid) {
        long parent = parentPid(backendPid);
        if (parent > 0) {
            postmaster = parent;
        }
    }

    /** Forgets the server set by {@link #watchServerOf}: every postgres process counts again. */
    static void watchEveryServer() {
        postmaster = -1;
    }

    /** Returns the parent pid of {@code pid} from {@code /proc/[pid]/stat}, or -1. */
    static long parentPid(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /**
     * Returns the fields of {@code /proc/[pid]/stat} after the command name (which may hold
     * spaces): index 0 is the state, 1 the parent pid, 13 and 14 cutime and cstime; or null.
     */
    private static String[] statFields(long pid) {
        try {
            return parseStatFields(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"),
                    StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Splits a {@code /proc/[pid]/stat} line into the fields after {@code (comm)}. */
    static String[] parseStatFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    /** CPU time of the watched postmaster's children that have ended (cutime + cstime), or 0. */
    private static long reapedNanos() {
        long pm = postmaster;
        String[] fields = pm < 0 ? null : statFields(pm);
        return fields == null ? 0 : (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_NANOS;
    }

    /** Ends the interval started by this meter and returns what was used in it. */
    Use stop() {
        long jvm = jvmCpuNanos();
        long server = postgresNanos.isEmpty() ? -1 : serverNanosSinceStart();
        long[] machine = machineTicks();
        long client = jvm < 0 || jvmNanos < 0 ? -1 : jvm - jvmNanos;
        long busy = -1;
        long total = -1;
        if (machine[1] >= 0 && totalTicks >= 0) {
            busy = machine[0] - busyTicks;
            total = machine[1] - totalTicks;
        }
        return new Use(client, server, busy, total);
    }

    /**
     * Sums the server's run time since {@link #start()}: processes alive now from their starting
     * figure (zero for those started since), plus those that ended, through their postmaster's
     * reaped-children time less what they had used before the interval.
     */
    private long serverNanosSinceStart() {
        Map<Long, Long> now = postgresNanos();
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            sum += e.getValue() - postgresNanos.getOrDefault(e.getKey(), 0L);
        }
        long reaped = reapedNanos() - reapedNanos;
        if (reaped > 0) {
            for (Map.Entry<Long, Long> e : postgresNanos.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    reaped -= e.getValue(); // its time before the interval is in the reaped sum too
                }
            }
            sum += Math.max(0, reaped);
        }
        return sum;
    }

    private static long jvmCpuNanos() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }

    /** Returns {busy, total} ticks summed over all CPUs from /proc/stat, or {-1, -1}. */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(PROC.resolve("stat"), StandardCharsets.US_ASCII).get(0);
            return parseMachineTicks(first);
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * Parses the aggregate line of /proc/stat ({@code cpu user nice system idle iowait irq softirq
     * steal ...}) into {busy, total}; idle and iowait count as not busy, guest time is already
     * inside user time.
     */
    static long[] parseMachineTicks(String line) {
        String[] f = line.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line: " + line);
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    /**
     * Returns the CPU nanoseconds of each visible process named {@code postgres}, by pid, from
     * {@code /proc/[pid]/schedstat}: the scheduler's exact run time. Why not utime + stime from
     * {@code /proc/[pid]/stat}: those are sampled at the timer tick, which misses or over-counts
     * processes that run in bursts shorter than a tick, as a backend answering point selects does.
     * PostgreSQL processes are single-threaded, so the main task's time is the process's.
     */
    static Map<Long, Long> postgresNanos() {
        Map<Long, Long> nanos = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                try {
                    if (Files.readString(dir.resolve("comm"), StandardCharsets.US_ASCII).strip().equals("postgres")
                            && ofWatchedServer(Long.parseLong(dir.getFileName().toString()))) {
                        long ran = runNanos(Files.readString(dir.resolve("schedstat"), StandardCharsets.US_ASCII));
                        nanos.put(Long.parseLong(dir.getFileName().toString()), ran);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked, or is not ours to read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return nanos;
    }

    /** Whether {@code pid} belongs to the watched server (or no server is watched). */
    private static boolean ofWatchedServer(long pid) {
        long pm = postmaster;
        return pm < 0 || pid == pm || parentPid(pid) == pm;
    }

    /** Parses the first field of a schedstat line ({@code run-ns wait-ns timeslices}). */
    static long runNanos(String schedstat) {
        String line = schedstat.strip();
        int space = line.indexOf(' ');
        return Long.parseLong(space < 0 ? line : line.substring(0, space));
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * CPU used during one or more intervals.
     *
     * @param clientNanos CPU time of this JVM (all threads), or -1 when unknown
     * @param serverNanos CPU time of the local PostgreSQL processes, or -1 when unknown
     * @param busyTicks busy CPU ticks of the whole machine, or -1 when unknown
     * @param totalTicks all CPU ticks of the whole machine (busy and idle), or -1 when unknown
     */
    record Use(long clientNanos, long serverNanos, long busyTicks, long totalTicks) {
        /** Nothing known. */
        static final Use UNKNOWN = new Use(-1, -1, -1, -1);
        /** Nothing used yet: the start of a sum. */
        static final Use ZERO = new Use(0, 0, 0, 0);

        /** Returns the use of both intervals together; a figure unknown in either is unknown. */
        Use plus(Use other) {
            return new Use(sum(clientNanos, other.clientNanos), sum(serverNanos, other.serverNanos),
                    sum(busyTicks, other.busyTicks), sum(totalTicks, other.totalTicks));
        }

        /** Returns the share of the machine's CPU time that was busy (0 to 1), or NaN when unknown. */
        double machineBusy() {
            return busyTicks < 0 || totalTicks <= 0 ? Double.NaN : (double) busyTicks / totalTicks;
        }

        private static long sum(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }
    }
}
