package io.pgjet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on loopback that injects network faults between a client and a server, for
 * tests of what a client does when the network misbehaves.
 *
 * <p>Clients connect to {@link #host()}:{@link #port()}; every accepted connection is forwarded
 * to the target. Both the listener and the target are loopback only: this is a test tool, and
 * refusing other addresses keeps it from ever becoming an open relay. Faults:
 * <ul>
 *   <li>{@link #cutAfter} / {@link #resetAfter}: after N more bytes in one direction, the
 *       connection those bytes travel on is closed (FIN) or reset (RST, via {@code SO_LINGER 0})
 *       on both sides; N may end mid-message. One-shot: the next connections are not affected.</li>
 *   <li>{@link #stall()} / {@link #stallAfter}: nothing more is forwarded (bytes are held, not
 *       dropped) while every connection stays open, as when a host vanishes without a reset
 *       (half-open). {@link #resume()} forwards what was held.</li>
 *   <li>{@link #drop}: bytes in one direction are read and thrown away.</li>
 *   <li>{@link #delay}: each chunk is held for a fixed time before it is forwarded.</li>
 *   <li>{@link #resetAll()}: every open connection is reset now.</li>
 * </ul>
 * Faults apply to traffic forwarded after the call, on every connection of this proxy.
 * {@link #close()} ends every connection and the listener. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

    /** The direction bytes travel in. */
    public enum Direction {
        /** From the client to the server (requests). */
        TO_SERVER,
        /** From the server to the client (responses). */
        TO_CLIENT
    }

    private enum Action { CLOSE, RESET, STALL }

    private static final int CHUNK = 8192;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Map<Direction, Trigger> triggers = new EnumMap<>(Direction.class);
    private final Map<Direction, AtomicLong> forwarded = new EnumMap<>(Direction.class);
    private final Map<Direction, Boolean> dropped = new EnumMap<>(Direction.class);
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object gate = new Object();
    private volatile boolean stalled;
    private volatile long delayNanos;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        for (Direction d : Direction.values()) {
            forwarded.put(d, new AtomicLong());
            dropped.put(d, false);
        }
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a proxy forwarding to a loopback server.
     *
     * @param host the target host; must resolve to a loopback address
     * @param port the target port
     * @return the running proxy
     * @throws IllegalArgumentException if the host is not a loopback address
     * @throws UncheckedIOException if the listener cannot be opened or the host cannot be resolved
     */
    public static FaultProxy to(String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(Objects.requireNonNull(host, "host"));
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("FaultProxy forwards to loopback only, not " + host);
            }
            return new FaultProxy(new InetSocketAddress(address, port));
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("cannot resolve " + host, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy listener", e);
        }
    }

    /**
     * Starts a proxy in front of a server of the test kit.
     *
     * @param server the server to forward to; its host must be loopback
     * @return the running proxy
     */
    public static FaultProxy to(PgServer server) {
        return to(server.host(), server.port());
    }

    /**
     * Returns the host clients connect to (the loopback address, as a literal).
     *
     * @return the host, e.g. {@code 127.0.0.1}
     */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /**
     * Returns the port clients connect to.
     *
     * @return the port, chosen by the system when the proxy started
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Closes (FIN) the connection that carries the next {@code bytes} bytes in {@code direction}
     * right after forwarding them, both towards the client and the server. One-shot.
     *
     * @param direction which way the counted bytes travel
     * @param bytes how many more bytes to forward first; 0 cuts at the next byte
     */
    public void cutAfter(Direction direction, long bytes) {
        arm(direction, bytes, Action.CLOSE);
    }

    /**
     * Resets (RST) the connection that carries the next {@code bytes} bytes in {@code direction}
     * right after forwarding them. One-shot.
     *
     * @param direction which way the counted bytes travel
     * @param bytes how many more bytes to forward first
     */
    public void resetAfter(Direction direction, long bytes) {
        arm(direction, bytes, Action.RESET);
    }

    /**
     * Stops forwarding, in both directions and on every connection, once {@code bytes} more bytes
     * went by in {@code direction}; connections stay open (half-open). Undone by {@link #resume()}.
     *
     * @param direction which way the counted bytes travel
     * @param bytes how many more bytes to forward first
     */
    public void stallAfter(Direction direction, long bytes) {
        arm(direction, bytes, Action.STALL);
    }

    /** Stops forwarding now in both directions; connections stay open. New connections are accepted but stall too. */
    public void stall() {
        stalled = true;
    }

    /** Undoes {@link #stall()}, {@link #stallAfter} and {@link #drop}: held bytes flow again. */
    public void resume() {
        synchronized (gate) {
            stalled = false;
            for (Direction d : Direction.values()) {
                dropped.put(d, false);
            }
            gate.notifyAll();
        }
    }

    /**
     * Reads and discards every byte that travels in {@code direction} from now on (the other
     * direction still flows). Undone by {@link #resume()}.
     *
     * @param direction the direction to drop
     */
    public void drop(Direction direction) {
        synchronized (gate) {
            dropped.put(direction, true);
        }
    }

    /**
     * Holds every chunk for {@code delay} before forwarding it (both directions).
     *
     * @param delay the delay; zero turns it off
     */
    public void delay(Duration delay) {
        delayNanos = delay.toNanos();
    }

    /** Resets (RST) every open connection now, on both sides. */
    public void resetAll() {
        for (Link link : links) {
            link.abort(true);
        }
    }

    /** Closes (FIN) every open connection now, on both sides; the listener keeps accepting. */
    public void closeAll() {
        for (Link link : links) {
            link.abort(false);
        }
    }

    /**
     * Returns how many bytes were forwarded in a direction since the proxy started.
     *
     * @param direction the direction
     * @return the byte count
     */
    public long forwarded(Direction direction) {
        return forwarded.get(direction).get();
    }

    /**
     * Returns how many client connections were accepted since the proxy started.
     *
     * @return the number of accepted client connections
     */
    public int acceptedConnections() {
        return accepted.get();
    }

    /**
     * Returns how many forwarded connections are open now.
     *
     * @return the number of connections still being forwarded
     */
    public int openConnections() {
        return (int) links.stream().filter(l -> !l.done).count();
    }

    /** Closes the listener and every forwarded connection (both sides see the connection end). */
    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeAll();
    }

    /**
     * Disarms the one-shot cuts, resets and stalls ({@link #cutAfter}, {@link #resetAfter},
     * {@link #stallAfter}) that have not fired yet, so a scenario can end its faults cleanly.
     */
    public void disarm() {
        synchronized (gate) {
            triggers.clear();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + target.getPort() + "]";
    }

    private void arm(Direction direction, long bytes, Action action) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        synchronized (gate) {
            triggers.put(direction, new Trigger(bytes, action));
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            Socket server = new Socket();
            try {
                server.connect(target, 10_000);
            } catch (IOException e) {
                closeQuietly(client); // the target is down: the client sees the connection end
                closeQuietly(server);
                continue;
            }
            Link link = new Link(client, server);
            links.add(link);
            link.start();
        }
    }

    /** Decides what happens to {@code n} bytes about to travel; returns how many to forward, and the action after them. */
    private Decision decide(Direction direction, int n) {
        synchronized (gate) {
            Trigger trigger = triggers.get(direction);
            if (trigger == null) {
                return new Decision(n, null);
            }
            if (trigger.remaining >= n) {
                trigger.remaining -= n;
                return new Decision(n, null);
            }
            triggers.remove(direction);
            return new Decision((int) trigger.remaining, trigger.action);
        }
    }

    private void awaitOpenGate() throws InterruptedException {
        synchronized (gate) {
            while (stalled && !closed) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static final class Trigger {
        long remaining;
        final Action action;

        Trigger(long remaining, Action action) {
            this.remaining = remaining;
            this.action = action;
        }
    }

    private record Decision(int forward, Action after) {}

    /** One proxied connection: two pumps, one per direction. */
    private final class Link {
        final Socket client;
        final Socket server;
        final AtomicInteger halvesDone = new AtomicInteger();
        volatile boolean done;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, Direction.TO_SERVER);
            pump(server, client, Direction.TO_CLIENT);
        }

        void abort(boolean reset) {
            done = true;
            if (reset) {
                for (Socket s : new Socket[] {client, server}) {
                    try {
                        s.setSoLinger(true, 0); // close() then sends RST instead of FIN
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }

        private void pump(Socket from, Socket to, Direction direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[CHUNK];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        awaitOpenGate();
                        if (closed || done) {
                            return;
                        }
                        long delay = delayNanos;
                        if (delay > 0) {
                            Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
                        }
                        if (dropped.get(direction)) {
                            continue;
                        }
                        Decision decision = decide(direction, n);
                        if (decision.forward > 0) {
                            out.write(buffer, 0, decision.forward);
                            out.flush();
                            forwarded.get(direction).addAndGet(decision.forward);
                        }
                        if (decision.after == Action.STALL) {
                            stall();
                            awaitOpenGate();
                            if (closed || done) {
                                return;
                            }
                            if (n > decision.forward) {
                                out.write(buffer, decision.forward, n - decision.forward);
                                out.flush();
                                forwarded.get(direction).addAndGet(n - decision.forward);
                            }
                        } else if (decision.after != null) {
                            abort(decision.after == Action.RESET);
                            return;
                        }
                    }
                    // EOF from one side: pass the FIN on; the other direction keeps flowing
                    to.shutdownOutput();
                } catch (IOException | InterruptedException e) {
                    abort(false);
                } finally {
                    if (halvesDone.incrementAndGet() == 2) {
                        abort(false);
                    }
                }
            }, "fault-proxy-" + direction.name().toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            t.start();
        }
    }
}
