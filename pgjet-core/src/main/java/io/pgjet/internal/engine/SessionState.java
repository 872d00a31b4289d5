package io.pgjet.internal.engine;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server told this connection about its session: parameters reported by
 * ParameterStatus, the backend key for cancel requests, the negotiated protocol version and the
 * transaction status of the last ReadyForQuery, and which kinds of session state its commands
 * changed ({@link SessionChanges}) since they were last taken.
 *
 * <p>Written only on the I/O thread; readable from any thread (fields are volatile, the
 * parameter map is concurrent).
 */
public final class SessionState {
    /** How many distinct server parameters a session keeps at most (PostgreSQL reports about 20). */
    static final int MAX_PARAMETERS = 1_000;
    /** How many characters of parameter names and values a session keeps at most. */
    static final long MAX_PARAMETERS_SIZE = 4 << 20;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private long parametersSize; // written on the I/O thread only
    private volatile int processId;
    private volatile byte[] secretKey;
    private volatile int protocolVersion;
    private volatile byte transactionStatus = 'I';
    /** Set once at connect for a connection behind a transaction pooler ({@code transactionPooler}). */
    private volatile boolean reparseUnnamed;
    /** Set once at connect for a {@code replication=database} (walsender) connection. */
    private volatile boolean replication;
    /** {@link SessionChanges} bits; written on the I/O thread, taken by the pool from any thread. */
    private final AtomicInteger changes = new AtomicInteger();

    /** Returns an unmodifiable live view of the server parameters (server_version, TimeZone...). */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Returns whether the connection goes through a transaction-mode pooler, so every execution of
     * the unnamed statement writes its Parse again ahead of its Bind: the Parse of an earlier
     * round trip may have run on another server connection.
     */
    public boolean reparsesUnnamed() {
        return reparseUnnamed;
    }

    /** Sets {@link #reparsesUnnamed()}; called once, before the connection is used. */
    public void reparseUnnamed(boolean enabled) {
        reparseUnnamed = enabled;
    }

    /**
     * Returns whether this is a {@code replication=database} connection, where the server takes
     * only the simple query protocol.
     */
    public boolean replication() {
        return replication;
    }

    /** Sets {@link #replication()}; called once, before the connection is used. */
    public void replication(boolean enabled) {
        replication = enabled;
    }

    /** Returns one server parameter, or null when the server has not reported it. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    void parameter(String name, String value) {
        String old = parameters.get(name);
        long size = parametersSize + name.length() + value.length()
                - (old == null ? 0 : name.length() + old.length());
        if (size > MAX_PARAMETERS_SIZE || (old == null && parameters.size() >= MAX_PARAMETERS)) {
            // A server reports a few dozen; a flood of new names is hostile and would grow without bound.
            throw new io.pgjet.protocol.ProtocolException("the server reported more ParameterStatus values than the "
                    + MAX_PARAMETERS + " names or " + MAX_PARAMETERS_SIZE + " characters kept per session");
        }
        parametersSize = size;
        parameters.put(name, value);
        changed(SessionChanges.SETTINGS);
    }

    /** Records what a completed command with this tag may have changed; called once per CommandComplete. */
    void commandCompleted(String tag) {
        int change = SessionChanges.ofTag(tag);
        if (change != 0) {
            changed(change);
        }
    }

    private void changed(int change) {
        int now;
        do {
            now = changes.get();
        } while ((now & change) != change && !changes.compareAndSet(now, now | change));
    }

    /** Returns the {@link SessionChanges} recorded since the last {@link #takeChanges()}, keeping them. */
    public int changes() {
        return changes.get();
    }

    /** Returns the {@link SessionChanges} recorded since the last call and forgets them. */
    public int takeChanges() {
        return changes.getAndSet(0);
    }

    /** Returns the backend process id from BackendKeyData, 0 before it arrived. */
    public int processId() {
        return processId;
    }

    /** Returns the cancel secret key from BackendKeyData, null before it arrived. */
    public byte[] secretKey() {
        return secretKey;
    }

    void backendKey(int processId, byte[] secretKey) {
        this.processId = processId;
        this.secretKey = secretKey;
    }

    /** Returns the protocol version in use (e.g. {@code ProtocolVersion.V3_2}). */
    public int protocolVersion() {
        return protocolVersion;
    }

    /** Records the protocol version agreed with the server. */
    public void protocolVersion(int version) {
        this.protocolVersion = version;
    }

    /** Returns the transaction status of the last ReadyForQuery: 'I', 'T' or 'E'. */
    public byte transactionStatus() {
        return transactionStatus;
    }

    void transactionStatus(byte status) {
        this.transactionStatus = status;
    }

    /** Returns whether the session is inside a transaction block (including a failed one). */
    public boolean inTransaction() {
        return transactionStatus != 'I';
    }

    /**
     * Returns the server version as PostgreSQL's integer form (e.g. 180001 for 18.1, 130023 for
     * 13.23), parsed from the server_version parameter; 0 when unknown.
     */
    public int serverVersionNumber() {
        return ServerVersions.parse(parameters.get("server_version"));
    }
}
