package io.pgjet.bench.drivers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.pgjet.bench.BenchTarget;
import io.pgjet.protocol.ChannelBinding;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.Md5Authentication;
import io.pgjet.protocol.ProtocolVersion;
import io.pgjet.protocol.ScramSha256Client;
import io.pgjet.protocol.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One blocking socket speaking just enough of the protocol for the wire ceiling: start-up and
 * authentication (trust, cleartext, md5, SCRAM-SHA-256) with pgjet-protocol's encoders, one named
 * statement, and a pre-encoded Bind/Execute/Sync per operation whose answer is scanned frame
 * header by frame header, counting DataRows without looking inside them. Not thread-safe; one
 * thread per session.
 */
final class WireSession implements AutoCloseable {
    /** The statement name; one statement per session, so any fixed name does. */
    private static final String STATEMENT = "w1";
    /** The type oid of int4, the only parameter type the workloads need. */
    private static final int INT4_OID = 23;
    private static final short[] BINARY = {1};
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Turns a hung server into a failed case instead of a worker the runner must abandon. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final OutputStream out;
    private final WireInput in;
    private byte[] request;
    /** Where the int4 parameter value sits in {@link #request}, or -1 when there is none. */
    private int parameterOffset = -1;

    private WireSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new WireInput(socket.getInputStream());
    }

    /**
     * Connects to {@code target} over TCP with TCP_NODELAY, authenticates and waits for the first
     * ReadyForQuery.
     */
    static WireSession connect(BenchTarget target) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            WireSession session = new WireSession(socket);
            session.startUp(target);
            return session;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void startUp(BenchTarget target) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", target.user());
        parameters.put("database", target.database());
        parameters.put("application_name", "pgjet-bench-wire");
        // UTF8 so that error texts decode the same way whatever the server's default.
        parameters.put("client_encoding", "UTF8");
        send(b -> FrontendMessages.startup(b, ProtocolVersion.V3_0, parameters));
        ScramSha256Client scram = null;
        while (true) {
            byte type = in.next();
            if (type == 'Z') {
                in.skipBody();
                return;
            }
            if (type == 'E') {
                throw serverError(in.readBody());
            }
            if (type != 'R') {
                in.skipBody(); // ParameterStatus, BackendKeyData, notices: nothing the ceiling uses
                continue;
            }
            byte[] body = in.readBody();
            int code = int32(body, 0);
            switch (code) {
                case 0 -> { } // AuthenticationOk; ReadyForQuery follows
                case 3 -> send(b -> FrontendMessages.password(b, target.password()));
                case 5 -> {
                    byte[] salt = java.util.Arrays.copyOfRange(body, 4, 8);
                    String md5 = Md5Authentication.encode(target.user(), target.password(), salt);
                    send(b -> FrontendMessages.password(b, md5));
                }
                case 10 -> {
                    List<String> mechanisms = cstrings(body, 4);
                    if (!mechanisms.contains(ScramSha256Client.MECHANISM)) {
                        throw new IOException("the server offers SASL " + mechanisms
                                + "; the wire client speaks only " + ScramSha256Client.MECHANISM);
                    }
                    // No TLS (sslmode=disable), hence no channel binding.
                    ScramSha256Client client = new ScramSha256Client(target.password(), ChannelBinding.none());
                    scram = client;
                    send(b -> FrontendMessages.saslInitialResponse(b, client.mechanism(), client.clientFirstMessage()));
                }
                case 11 -> {
                    byte[] clientFinal = requireScram(scram).clientFinalMessage(rest(body));
                    send(b -> FrontendMessages.saslResponse(b, clientFinal));
                }
                case 12 -> requireScram(scram).verifyServerFinal(rest(body));
                default -> throw new IOException("authentication request " + code
                        + " is not supported by the wire client (trust, password, md5, SCRAM-SHA-256 only)");
            }
        }
    }

    /**
     * Parses {@code sql} as the session's named statement and pre-encodes the operation: Bind (one
     * int4 parameter in binary when {@code int4Parameter}, every result column in binary),
     * Execute (no row limit), Sync.
     */
    void prepare(String sql, boolean int4Parameter) throws IOException {
        send(b -> {
            FrontendMessages.parse(b, STATEMENT, sql, int4Parameter ? new int[] {INT4_OID} : null);
            FrontendMessages.sync(b);
        });
        runToReady();
        ByteBuf b = Unpooled.buffer(64);
        int start = FrontendMessages.bindStart(b, null, STATEMENT, int4Parameter ? BINARY : null,
                int4Parameter ? 1 : 0);
        int valueOffset = -1;
        if (int4Parameter) {
            int lengthIndex = FrontendMessages.bindValueStart(b);
            valueOffset = b.writerIndex();
            b.writeInt(0); // patched before every write, see execute(int)
            FrontendMessages.bindValueEnd(b, lengthIndex);
        }
        // One format code applies to every result column: all binary, so the server sends its
        // cheapest representation and the ceiling is not charged for text formatting.
        FrontendMessages.bindEnd(b, start, BINARY);
        FrontendMessages.execute(b, null, 0);
        FrontendMessages.sync(b);
        request = ByteBufUtil.getBytes(b);
        parameterOffset = valueOffset;
        b.release();
    }

    /** Runs the prepared operation with its int4 parameter set to {@code value}; returns the DataRow count. */
    long execute(int value) throws IOException {
        byte[] r = request;
        int i = parameterOffset;
        r[i] = (byte) (value >>> 24);
        r[i + 1] = (byte) (value >>> 16);
        r[i + 2] = (byte) (value >>> 8);
        r[i + 3] = (byte) value;
        return execute();
    }

    /**
     * Writes the pre-encoded operation in one call and reads the answer up to ReadyForQuery,
     * counting DataRows; no value is decoded. Returns the DataRow count.
     */
    long execute() throws IOException {
        out.write(request);
        return runToReady();
    }

    /** Reads frames up to ReadyForQuery, counting DataRows; throws on ErrorResponse. */
    private long runToReady() throws IOException {
        long rows = 0;
        while (true) {
            byte type = in.next();
            if (type == 'D') {
                rows++;
                in.skipBody();
            } else if (type == 'Z') {
                in.skipBody();
                return rows;
            } else if (type == 'E') {
                // The connection is abandoned with the job, so there is no need to read on to 'Z'.
                throw serverError(in.readBody());
            } else {
                in.skipBody(); // ParseComplete, BindComplete, CommandComplete, notices
            }
        }
    }

    /** Sends Terminate and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            send(FrontendMessages::terminate);
        } catch (IOException e) {
            // The server may already be gone; closing the socket is what matters.
        } finally {
            socket.close();
        }
    }

    /** Encodes with pgjet-protocol into a heap buffer and writes the bytes; used outside the measured path. */
    private void send(java.util.function.Consumer<ByteBuf> encoder) throws IOException {
        ByteBuf b = Unpooled.buffer(256);
        try {
            encoder.accept(b);
            out.write(ByteBufUtil.getBytes(b));
        } finally {
            b.release();
        }
    }

    private static ScramSha256Client requireScram(ScramSha256Client scram) throws IOException {
        if (scram == null) {
            throw new IOException("SASL continuation without a SASL exchange");
        }
        return scram;
    }

    private static byte[] rest(byte[] body) {
        return java.util.Arrays.copyOfRange(body, 4, body.length);
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    /** Reads NUL-terminated strings from {@code from} up to an empty one (or the end). */
    private static List<String> cstrings(byte[] body, int from) {
        List<String> list = new ArrayList<>();
        int i = from;
        while (i < body.length && body[i] != 0) {
            int end = i;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            list.add(new String(body, i, end - i, StandardCharsets.UTF_8));
            i = end + 1;
        }
        return list;
    }

    /** Turns an ErrorResponse body into an exception saying severity, SQLSTATE and message. */
    private static IOException serverError(byte[] body) {
        Map<Character, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length && body[i] != 0) {
            char code = (char) body[i];
            int end = i + 1;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            fields.put(code, new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8));
            i = end + 1;
        }
        return new IOException("server error: " + ServerMessage.of(fields));
    }
}
