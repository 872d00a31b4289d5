package io.pgjet.internal.net;

import io.pgjet.PgHost;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * What connecting logs (logger {@code io.pgjet.connect}): each host tried, TLS or not, TLS
 * fallbacks, moving on to the next host. Never a password: only hosts, modes and the failures'
 * messages, which PgJet writes without one.
 */
final class ConnectLog {
    private static final System.Logger LOG = System.getLogger("io.pgjet.connect");

    private ConnectLog() {
    }

    static String name(PgHost host) {
        return host.isUnixSocket() ? host.socketPath() : host.host() + ":" + host.port();
    }

    static void trying(List<PgHost> hosts, int index) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "connecting to " + name(hosts.get(index)) + " (host " + (index + 1) + " of "
                    + hosts.size() + ")");
        }
    }

    static void failed(List<PgHost> hosts, int index, Throwable error) {
        if (index + 1 < hosts.size()) {
            LOG.log(Level.INFO, "could not connect to " + name(hosts.get(index)) + ": " + error.getMessage()
                    + "; trying the next host, " + name(hosts.get(index + 1)));
        } else if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "could not connect to " + name(hosts.get(index)) + ": " + error.getMessage()
                    + "; no host left to try");
        }
    }

    static void connected(PgHost host, boolean tls) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "connected to " + name(host) + " (TLS: " + (tls ? "yes" : "no") + ")");
        }
    }

    static void tlsFallback(PgHost host, boolean toTls, String mode) {
        LOG.log(Level.DEBUG, (toTls ? "plain connection to " + name(host) + " refused; retrying with TLS"
                : "TLS handshake with " + name(host) + " failed; retrying without TLS") + " (sslmode=" + mode + ")");
    }
}
