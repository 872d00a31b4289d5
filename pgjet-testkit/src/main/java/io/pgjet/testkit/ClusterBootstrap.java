package io.pgjet.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PgClusterBuilder} into a running {@link PgCluster}: work directory, initdb,
 * TLS material, configuration, roles, start. On any failure it removes what it made.
 * Stateless and thread-safe (each call works in its own directory).
 */
final class ClusterBootstrap {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PORT_ATTEMPTS = 4;

    private ClusterBootstrap() {
    }

    static PgCluster start(PgClusterBuilder b) {
        PgBinaries bin = PgBinaries.resolve(b.version);
        OsUser os = OsUser.current();
        StaleClusterReaper.reapStale();
        ClusterWorkDir dir = ClusterWorkDir.create(os);
        try {
            Map<String, String> passwords = new LinkedHashMap<>();
            passwords.put(b.superuser, b.superuserPassword != null ? b.superuserPassword : randomPassword());
            b.users.forEach((u, p) -> {
                if (!u.equals(b.superuser)) {
                    passwords.put(u, p);
                }
            });
            ServerControl.initdb(bin, os, dir, b.superuser);
            boolean tls = b.tls || b.auth == AuthMethod.CERT;
            TlsMaterial material = tls ? TlsGenerator.generate(dir.tlsDirectory(),
                    b.tlsClientUser != null ? b.tlsClientUser : b.superuser, os) : null;
            int port = b.port != 0 ? b.port : freePort();
            Map<String, String> settings = ClusterConfig.fastTestDefaults();
            settings.put("listen_addresses", b.ipv6 ? "127.0.0.1,::1" : "127.0.0.1");
            settings.put("port", Integer.toString(port));
            settings.put("unix_socket_directories", dir.socketDirectory().toString());
            settings.put("password_encryption", b.auth.passwordEncryption());
            if (material != null) {
                settings.putAll(tlsSettings(material));
            }
            settings.putAll(b.settings);
            ClusterConfig.appendSettings(dir.dataDirectory(), "pgjet-testkit", settings);
            ClusterConfig.writeHba(dir.dataDirectory(), ClusterConfig.hbaLines(b.auth, b.superuser, b.hbaLines));
            ServerControl.runSingleUser(bin, os, dir, roleStatements(b.superuser, passwords));

            long pid = -1;
            for (int attempt = 1; pid < 0; attempt++) {
                try {
                    pid = ServerControl.start(bin, os, dir, b.startTimeout);
                } catch (PgClusterException e) {
                    if (b.port != 0 || attempt >= PORT_ATTEMPTS || !portClash(e.getMessage())) {
                        throw e;
                    }
                    // Another process took the port between our probe and the bind: try another.
                    port = freePort();
                    ClusterConfig.appendSettings(dir.dataDirectory(), "port retry", Map.of("port", Integer.toString(port)));
                }
            }
            return new PgCluster(bin, os, dir, port, b.auth, b.superuser, passwords, material, b.ipv6,
                    b.startTimeout, false, pid);
        } catch (IOException | RuntimeException e) {
            abandon(bin, os, dir);
            if (e instanceof PgClusterException pe) {
                throw pe;
            }
            throw new PgClusterException("Cannot start a PostgreSQL cluster: " + e, e);
        }
    }

    static Map<String, String> tlsSettings(TlsMaterial m) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ssl", "on");
        s.put("ssl_cert_file", m.serverCertificate().toString());
        s.put("ssl_key_file", m.serverKey().toString());
        s.put("ssl_ca_file", m.caCertificate().toString());
        return s;
    }

    /** Stops whatever was started in {@code dir} and deletes it; never throws. */
    static void abandon(PgBinaries bin, OsUser os, ClusterWorkDir dir) {
        try {
            ServerControl.stop(bin, os, dir);
            dir.delete();
        } catch (IOException | RuntimeException ignored) {
            // The reaper deletes it once this JVM is gone.
        }
    }

    private static List<String> roleStatements(String superuser, Map<String, String> passwords) {
        List<String> sql = new ArrayList<>();
        passwords.forEach((user, password) -> sql.add((user.equals(superuser)
                ? "ALTER ROLE " + ClusterConfig.ident(user) + " WITH PASSWORD "
                : "CREATE ROLE " + ClusterConfig.ident(user) + " WITH LOGIN PASSWORD ")
                + ClusterConfig.literal(password) + ";"));
        return sql;
    }

    private static boolean portClash(String message) {
        return message.contains("could not bind") || message.contains("Address already in use")
                || message.contains("could not create any TCP/IP sockets");
    }

    /** {@return a port that was free on 127.0.0.1 a moment ago} */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** {@return 24 random URL-safe characters, fine in URIs, conninfo strings and SQL} */
    static String randomPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
