package io.pgjet;

/**
 * Says which kind of server a connection accepts when it tries a list of hosts, as libpq's
 * {@code target_session_attrs} does. Hosts are tried in order (or shuffled, with
 * {@link LoadBalanceHosts#RANDOM}); a host that does not qualify is skipped.
 */
public enum TargetSessionAttrs {
    /** Accept any server. The default. */
    ANY("any"),
    /** Accept a server whose sessions default to read-write transactions. */
    READ_WRITE("read-write"),
    /** Accept a server whose sessions default to read-only transactions. */
    READ_ONLY("read-only"),
    /** Accept a server that is not in hot standby mode. */
    PRIMARY("primary"),
    /** Accept only a server in hot standby mode. */
    STANDBY("standby"),
    /** Prefer a server in hot standby mode; if none of the hosts is one, accept any server. */
    PREFER_STANDBY("prefer-standby");

    private final String libpqName;

    TargetSessionAttrs(String libpqName) {
        this.libpqName = libpqName;
    }

    /**
     * Returns the value libpq uses for this setting in {@code target_session_attrs=}.
     *
     * @return the libpq spelling
     */
    public String libpqName() {
        return libpqName;
    }
}
