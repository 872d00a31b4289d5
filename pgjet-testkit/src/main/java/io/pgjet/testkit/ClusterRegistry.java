package io.pgjet.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tracks the clusters this JVM has open and closes the survivors from a shutdown hook, so a
 * JVM that exits normally (or on SIGTERM/Ctrl-C) leaves no server behind. Thread-safe.
 */
final class ClusterRegistry {
    private static final Set<PgCluster> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ClusterRegistry() {
    }

    static synchronized void register(PgCluster cluster) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ClusterRegistry::closeAll, "pgjet-cluster-cleanup"));
            hookInstalled = true;
        }
        OPEN.add(cluster);
    }

    static synchronized void unregister(PgCluster cluster) {
        OPEN.remove(cluster);
    }

    /** Closes every open cluster, newest first so that standbys go before their primaries. */
    static void closeAll() {
        List<PgCluster> open;
        synchronized (ClusterRegistry.class) {
            open = new ArrayList<>(OPEN);
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("pgjet-testkit: could not close " + open.get(i) + ": " + e);
            }
        }
    }
}
