package io.pgjet;

/**
 * Says in which order the hosts of a multi-host configuration are tried, as libpq's
 * {@code load_balance_hosts} does.
 */
public enum LoadBalanceHosts {
    /** Try the hosts in the order they are listed. The default. */
    DISABLE("disable"),
    /**
     * Try the hosts in a random order, chosen anew for each connection, so that connections
     * spread over the hosts. (libpq also shuffles the addresses a host name resolves to.)
     */
    RANDOM("random");

    private final String libpqName;

    LoadBalanceHosts(String libpqName) {
        this.libpqName = libpqName;
    }

    /**
     * Returns the value libpq uses for this setting in {@code load_balance_hosts=}.
     *
     * @return the libpq spelling
     */
    public String libpqName() {
        return libpqName;
    }
}
