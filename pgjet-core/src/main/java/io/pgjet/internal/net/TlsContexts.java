package io.pgjet.internal.net;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.SslMode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Builds the TLS client context for a connection the way libpq decides: verify-ca and
 * verify-full need a root certificate ({@code sslrootcert}, default
 * {@code ~/.postgresql/root.crt}, or {@code system} for the JDK's trust store); require, prefer
 * and allow verify the chain only when a root certificate is present, as libpq does; client
 * certificates come from {@code sslcert}/{@code sslkey} (PEM, key in PKCS#8) or the defaults
 * {@code ~/.postgresql/postgresql.crt} and {@code .key}.
 */
public final class TlsContexts {
    /** The ALPN protocol name PostgreSQL 17+ requires for direct TLS connections. */
    public static final String ALPN_POSTGRESQL = "postgresql";

    private TlsContexts() {}

    static SslContext clientContext(ConnectionConfig config, boolean direct) {
        return build(SslContextBuilder.forClient(), config, direct);
    }

    /**
     * Returns the same client context as a JDK {@link SSLContext}, for transports that layer
     * an {@code SSLSocket} over a plain socket. ALPN is not part of it: the caller sets
     * {@link #ALPN_POSTGRESQL} on the socket's parameters for direct TLS.
     *
     * @throws PgConnectionException when the certificate files are missing or unreadable
     */
    public static SSLContext jdkContext(ConnectionConfig config) {
        SslContext context = build(SslContextBuilder.forClient().sslProvider(SslProvider.JDK), config, false);
        return ((JdkSslContext) context).context();
    }

    private static SslContext build(SslContextBuilder builder, ConnectionConfig config, boolean direct) {
        Path home = Paths.get(System.getProperty("user.home"), ".postgresql");
        String rootCert = config.sslRootCert();
        Path root = rootCert != null ? Paths.get(rootCert) : home.resolve("root.crt");
        SslMode mode = config.sslMode();
        boolean verify = mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
        if ("system".equals(rootCert)) {
            // JDK default trust store: leave the builder's trust manager unset.
        } else if (Files.isReadable(root)) {
            builder.trustManager(root.toFile());
        } else if (verify) {
            throw new PgConnectionException("sslmode=" + mode.name().toLowerCase().replace('_', '-')
                    + " needs a root certificate to verify the server, but " + root
                    + " does not exist; set sslrootcert (or sslrootcert=system for the JDK trust store)");
        } else if (rootCert != null) {
            throw new PgConnectionException("sslrootcert " + root + " is not a readable file");
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        Path cert = config.sslCert() != null ? config.sslCert() : home.resolve("postgresql.crt");
        Path key = config.sslKey() != null ? config.sslKey() : home.resolve("postgresql.key");
        if (Files.isReadable(cert) && Files.isReadable(key)) {
            File keyFile = key.toFile();
            builder.keyManager(cert.toFile(), keyFile, config.sslPassword());
        } else if (config.sslCert() != null) {
            throw new PgConnectionException("sslcert " + cert + " or sslkey " + key + " is not a readable file");
        }
        if (direct) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ALPN_POSTGRESQL));
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new PgConnectionException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
