package io.pgjet.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the options of a {@link PgCluster} and starts it. Obtain one from
 * {@link PgCluster#builder()}. Every option has a default suited to fast tests:
 * PostgreSQL from {@link PgBinaries#resolve(String)}, SCRAM-SHA-256, superuser {@code pgjet}
 * with a random password, no TLS, a free port on {@code 127.0.0.1}.
 *
 * <p>Not thread-safe: configure it from one thread. {@link #start()} may be called more than
 * once; each call starts a new, independent cluster.
 */
public final class PgClusterBuilder {
    String version;
    AuthMethod auth = AuthMethod.SCRAM_SHA_256;
    String superuser = "pgjet";
    String superuserPassword;
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<String, String> settings = new LinkedHashMap<>();
    final List<String> hbaLines = new ArrayList<>();
    boolean tls;
    String tlsClientUser;
    boolean ipv6;
    int port;
    Duration startTimeout = Duration.ofSeconds(60);

    PgClusterBuilder() {
    }

    /**
     * Selects the PostgreSQL version: a major ({@code "16"}) or a full artifact version
     * ({@code "16.15.0"}). Overrides {@code -Dpgjet.pg.version} and {@code PGJET_PG_BIN}.
     *
     * @param version the version, or null for the configured default
     * @return this builder
     */
    public PgClusterBuilder version(String version) {
        this.version = version;
        return this;
    }

    /**
     * Selects how TCP and unix-socket clients authenticate (see {@link AuthMethod} for the
     * {@code pg_hba.conf} lines). {@link AuthMethod#CERT} turns TLS on.
     *
     * @param method the method
     * @return this builder
     */
    public PgClusterBuilder auth(AuthMethod method) {
        this.auth = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * Names the bootstrap superuser (default {@code pgjet}).
     *
     * @param name the role name
     * @return this builder
     */
    public PgClusterBuilder superuser(String name) {
        this.superuser = checkName(name);
        return this;
    }

    /**
     * Sets the superuser's password instead of a random one.
     *
     * @param password the password; must not contain a line break
     * @return this builder
     */
    public PgClusterBuilder superuserPassword(String password) {
        this.superuserPassword = checkOneLine(password);
        return this;
    }

    /**
     * Adds a login role with a password, created before the server first starts. Its password
     * is stored with the cluster's {@code password_encryption}.
     *
     * @param name the role name
     * @param password the password; must not contain a line break
     * @return this builder
     */
    public PgClusterBuilder user(String name, String password) {
        users.put(checkName(name), checkOneLine(password));
        return this;
    }

    /**
     * Sets a {@code postgresql.conf} parameter, overriding the testkit's defaults
     * ({@code fsync=off}, {@code synchronous_commit=off}, {@code full_page_writes=off},
     * {@code shared_buffers=32MB}, ...). The value is written quoted, which PostgreSQL accepts
     * for every parameter type.
     *
     * @param name e.g. {@code max_connections}
     * @param value e.g. {@code 200}
     * @return this builder
     */
    public PgClusterBuilder setting(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Not a parameter name: " + name);
        }
        settings.put(name, checkOneLine(value));
        return this;
    }

    /**
     * Adds a {@code pg_hba.conf} line placed before the generated ones, so it wins for the
     * connections it matches, e.g. {@code hostssl all certuser 127.0.0.1/32 cert}.
     *
     * @param line a complete pg_hba.conf line
     * @return this builder
     */
    public PgClusterBuilder hbaLine(String line) {
        hbaLines.add(checkOneLine(line));
        return this;
    }

    /**
     * Turns TLS on: a CA, server and client certificate are generated (see {@link TlsMaterial})
     * and {@code ssl=on}, {@code ssl_cert_file}, {@code ssl_key_file}, {@code ssl_ca_file} set.
     *
     * @param enabled whether to enable TLS
     * @return this builder
     */
    public PgClusterBuilder tls(boolean enabled) {
        this.tls = enabled;
        return this;
    }

    /**
     * Names the user in the client certificate's CN (default: the superuser).
     *
     * @param user the database user the certificate authenticates
     * @return this builder
     */
    public PgClusterBuilder tlsClientUser(String user) {
        this.tlsClientUser = checkName(user);
        return this;
    }

    /**
     * Makes the server listen on {@code ::1} as well as {@code 127.0.0.1}.
     *
     * @param enabled whether to listen on IPv6 loopback
     * @return this builder
     */
    public PgClusterBuilder ipv6(boolean enabled) {
        this.ipv6 = enabled;
        return this;
    }

    /**
     * Fixes the TCP port instead of picking a free one; start fails if it is taken.
     *
     * @param port the port, or 0 for a free one
     * @return this builder
     */
    public PgClusterBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Bounds how long a start may take before it fails (default 60 s).
     *
     * @param timeout the bound
     * @return this builder
     */
    public PgClusterBuilder startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Creates and starts the cluster: resolves binaries, reaps clusters of dead JVMs, runs
     * initdb, writes configuration, creates users, and waits until the server accepts
     * connections. Blocks for a few seconds (longer when binaries must be downloaded first).
     *
     * @return the running cluster; close it when done
     * @throws PgClusterException when any step fails; the message ends with the server log's
     *     tail when the server itself did not start. Nothing is left behind on failure.
     */
    public PgCluster start() {
        return ClusterBootstrap.start(this);
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 63 || name.contains("\n") || name.contains("\0")) {
            throw new IllegalArgumentException("Not a usable role name: " + name);
        }
        return name;
    }

    // Values reach line-oriented files (single-user SQL, postgresql.conf, pg_hba.conf).
    private static String checkOneLine(String s) {
        if (s == null || s.contains("\n") || s.contains("\r") || s.contains("\0")) {
            throw new IllegalArgumentException("Value must be non-null and on one line");
        }
        return s;
    }
}
