package io.pgjet.testkit;

/**
 * Runs in a child JVM: starts a cluster, prints its postmaster pid and work directory, then
 * either returns (leaving cleanup to the shutdown hook) or waits to be killed.
 */
public final class ChildJvmMain {
    private ChildJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        PgCluster pg = PgCluster.builder().auth(AuthMethod.TRUST).start();
        System.out.println("CLUSTER " + pg.postmasterPid() + " " + pg.dataDirectory().getParent() + " "
                + pg.socketDirectory());
        System.out.flush();
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(120_000);
        }
    }
}
