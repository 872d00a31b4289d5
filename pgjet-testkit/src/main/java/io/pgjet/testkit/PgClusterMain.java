package io.pgjet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Starts a throwaway PostgreSQL cluster and prints how to connect to it, for demos and for
 * trying the testkit by hand.
 *
 * <pre>
 * java -cp ... io.pgjet.testkit.PgClusterMain [--exit] [--pg-version=16] [--port=5433] [--tls]
 * </pre>
 * Loopback clients are trusted (no password): the server listens on 127.0.0.1 only. Without
 * {@code --exit} it runs until Enter or Ctrl-C, then stops and deletes the cluster.
 */
public final class PgClusterMain {
    private PgClusterMain() {
    }

    /**
     * Starts the cluster, prints connection details and waits as described above.
     *
     * @param args the options above
     * @throws PgClusterException when the cluster cannot start
     * @throws IOException when reading standard input fails
     */
    public static void main(String[] args) throws IOException {
        run(args, System.out, System.in);
    }

    /**
     * Runs the demo with the given streams; returns once the cluster is closed.
     *
     * @param args the options
     * @param out where to print
     * @param in what to wait on (Enter); end of input means "run until killed"
     * @throws IOException when reading {@code in} fails
     */
    static void run(String[] args, PrintStream out, InputStream in) throws IOException {
        boolean exit = false;
        PgClusterBuilder b = PgCluster.builder().auth(AuthMethod.TRUST);
        for (String a : args) {
            if (a.equals("--exit")) {
                exit = true;
            } else if (a.equals("--tls")) {
                b.tls(true);
            } else if (a.startsWith("--pg-version=")) {
                b.version(a.substring("--pg-version=".length()));
            } else if (a.startsWith("--port=")) {
                b.port(Integer.parseInt(a.substring("--port=".length())));
            } else {
                throw new IllegalArgumentException("Unknown option " + a
                        + "; usage: PgClusterMain [--exit] [--pg-version=16] [--port=5433] [--tls]");
            }
        }
        try (PgCluster pg = b.start()) {
            out.println("Started " + pg.version() + " (binaries: " + pg.binDirectory() + ")");
            out.println("Local only, trust authentication on 127.0.0.1: no password needed.");
            out.println("  psql:  psql \"host=" + pg.host() + " port=" + pg.port() + " user=" + pg.superuser()
                    + " dbname=postgres\"");
            out.println("  DSN:   postgresql://" + ConnectionStrings.encode(pg.superuser()) + "@" + pg.host() + ":"
                    + pg.port() + "/postgres");
            out.println("  JDBC:  jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/postgres?user="
                    + ConnectionStrings.encode(pg.superuser()));
            out.println("  socket: " + pg.socketDirectory() + "/.s.PGSQL." + pg.port());
            out.println("  data:  " + pg.dataDirectory() + "  log: " + pg.logFile());
            if (pg.hasTls()) {
                out.println("  TLS CA: " + pg.tls().caCertificate());
            }
            if (!exit) {
                out.println("Press Enter (or Ctrl-C) to stop and delete the cluster.");
                out.flush();
                if (in.read() < 0) {
                    out.println("Standard input is closed: running until the process is stopped.");
                    out.flush();
                    sleepForever();
                }
            }
            out.println("Stopping " + pg);
        }
        out.println("Stopped and deleted.");
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
