package io.pgjet.testkit;

/**
 * Names how a {@link PgCluster} authenticates TCP and unix-socket clients; each constant
 * maps to a {@code pg_hba.conf} method and a {@code password_encryption} setting.
 *
 * <p>Lines written for a cluster with method {@code M} (after any
 * {@link PgClusterBuilder#hbaLine(String) custom lines}, which take precedence):
 * <pre>
 * local  all          all                 M   (scram-sha-256 when M is CERT)
 * host   all          all  127.0.0.1/32   M   (hostssl when M is CERT)
 * host   all          all  ::1/128        M
 * host   replication  all  127.0.0.1/32   M
 * host   replication  all  ::1/128        M
 * </pre>
 */
public enum AuthMethod {
    /** Lets every client in without a password. */
    TRUST("trust", "scram-sha-256"),
    /** Asks for the password in clear text (stored as a SCRAM verifier). */
    PASSWORD("password", "scram-sha-256"),
    /**
     * Asks for an MD5 password hash; passwords are stored as MD5 so the exchange really is
     * MD5 (PostgreSQL 18 deprecates MD5 passwords but still accepts them).
     */
    MD5("md5", "md5"),
    /** Runs a SCRAM-SHA-256 exchange. */
    SCRAM_SHA_256("scram-sha-256", "scram-sha-256"),
    /**
     * Requires TLS and a client certificate whose CN is the database user name; implies
     * {@link PgClusterBuilder#tls(boolean) tls(true)}. Unix-socket clients use SCRAM.
     */
    CERT("cert", "scram-sha-256");

    private final String hbaMethod;
    private final String passwordEncryption;

    AuthMethod(String hbaMethod, String passwordEncryption) {
        this.hbaMethod = hbaMethod;
        this.passwordEncryption = passwordEncryption;
    }

    /**
     * Returns the method keyword this constant writes into {@code pg_hba.conf}.
     *
     * @return e.g. {@code scram-sha-256}
     */
    public String hbaMethod() {
        return hbaMethod;
    }

    /**
     * Returns the {@code password_encryption} value a cluster with this method uses.
     *
     * @return {@code md5} or {@code scram-sha-256}
     */
    public String passwordEncryption() {
        return passwordEncryption;
    }
}
