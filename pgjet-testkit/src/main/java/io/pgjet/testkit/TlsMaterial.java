package io.pgjet.testkit;

import java.nio.file.Path;

/**
 * Holds the paths of the TLS files generated for a {@link PgCluster}: a private CA, a server
 * certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} signed by it, and a
 * client certificate whose CN is {@link #clientUser()} (usable with the {@code cert}
 * authentication method). Certificates and keys are PEM; keys are unencrypted PKCS#8.
 * The files live as long as the cluster and are deleted by {@link PgCluster#close()}.
 * Immutable and thread-safe.
 */
public final class TlsMaterial {
    private final Path directory;
    private final String clientUser;

    TlsMaterial(Path directory, String clientUser) {
        this.directory = directory;
        this.clientUser = clientUser;
    }

    /** {@return the directory holding all the files} */
    public Path directory() {
        return directory;
    }

    /** {@return the CA certificate (PEM), for {@code sslrootcert} with {@code sslmode=verify-full}} */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /** {@return the server certificate (PEM) the server presents} */
    public Path serverCertificate() {
        return directory.resolve("server.crt");
    }

    /** {@return the server private key (PEM PKCS#8, mode 0600, owned by the server's OS user)} */
    public Path serverKey() {
        return directory.resolve("server.key");
    }

    /** {@return the client certificate (PEM) for {@link #clientUser()}, for {@code sslcert}} */
    public Path clientCertificate() {
        return directory.resolve("client.crt");
    }

    /** {@return the client private key as PEM PKCS#8 (mode 0600), for libpq-style {@code sslkey}} */
    public Path clientKey() {
        return directory.resolve("client.key");
    }

    /** {@return the client private key as DER PKCS#8 (mode 0600), the form pgjdbc's {@code sslkey} reads} */
    public Path clientKeyPk8() {
        return directory.resolve("client.pk8");
    }

    /** {@return the database user named in the client certificate's CN} */
    public String clientUser() {
        return clientUser;
    }

    /** {@return a short description naming the directory and client user} */
    @Override
    public String toString() {
        return "TlsMaterial[" + directory + ", client " + clientUser + "]";
    }
}
