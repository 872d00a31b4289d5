package io.pgjet.cli.soak;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs a soak against a server: each transport in turn, for its share of the time. */
public final class Soak {
    private Soak() {}

    /**
     * Soaks the server at {@code config} (a TCP host; the fault proxy sits in front of it).
     *
     * @param config where and how to connect, as the caller would; its password is never printed
     * @param options the bounds, workers and transports
     * @param progress where the progress lines go
     * @return the report
     * @throws InterruptedException if interrupted while waiting for the workers
     * @throws IllegalArgumentException if the first host is a Unix socket
     */
    public static SoakReport run(ConnectionConfig config, SoakOptions options, PrintStream progress)
            throws InterruptedException {
        NettyLeaks.install();
        PgHost host = config.hosts().get(0);
        if (host.isUnixSocket()) {
            throw new IllegalArgumentException("the soak needs a TCP host (its fault proxy forwards TCP), not a Unix socket");
        }
        ConnectionConfig direct = config.toBuilder().hosts(List.of(host)).build();
        List<TransportReport> reports = new ArrayList<>();
        for (SoakTransport t : options.transports()) {
            progress.println("soak " + t + ": " + options.perTransport().toSeconds() + " s"
                    + (options.operations() == Long.MAX_VALUE ? "" : " or " + options.operations() + " operations")
                    + ", " + options.workers() + " workers, through a fault proxy to " + host.host() + ":" + host.port());
            reports.add(new SoakRun(t, direct, options.perTransport(), options.operations(), options.workers(),
                    options.progressEvery(), progress).run());
        }
        return new SoakReport(host.host() + ":" + host.port() + " as " + config.user(), reports);
    }
}
