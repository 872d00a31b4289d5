package io.pgjet.bench;

/**
 * Folds the decoded values of the {@code wide} query into a row count, the sum of oids and an
 * order-independent hash of every value, so each driver must decode all twelve columns and all
 * must agree with the reference computed at setup. Not thread-safe; one per result.
 */
public final class WideChecksum {
    private long rows;
    private long oidSum;
    private long hash;

    /** Adds one row's decoded values. */
    public void add(String typname, long oid, long typnamespace, short typlen, boolean typbyval, char typtype,
            char typcategory, boolean typispreferred, boolean typisdefined, char typdelim, long typrelid,
            long typelem) {
        long h = typname.hashCode();
        h = h * 31 + oid;
        h = h * 31 + typnamespace;
        h = h * 31 + typlen;
        h = h * 31 + (typbyval ? 1 : 2);
        h = h * 31 + typtype;
        h = h * 31 + typcategory;
        h = h * 31 + (typispreferred ? 1 : 2);
        h = h * 31 + (typisdefined ? 1 : 2);
        h = h * 31 + typdelim;
        h = h * 31 + typrelid;
        h = h * 31 + typelem;
        rows++;
        oidSum += oid;
        hash += h * 0x9E3779B97F4A7C15L;
    }

    /** Returns the number of rows added. */
    public long rows() {
        return rows;
    }

    /** Returns the sum of the oid column. */
    public long oidSum() {
        return oidSum;
    }

    /** Returns the order-independent hash of every value. */
    public long hash() {
        return hash;
    }

    /**
     * Throws {@link CheckFailedException} unless this result matches the reference; returns the row
     * count.
     */
    public long check(BenchData data) {
        CheckFailedException.expect("wide row count", data.wideRows(), rows);
        CheckFailedException.expect("wide sum(oid)", data.wideOidSum(), oidSum);
        CheckFailedException.expect("wide hash of all decoded values", data.wideHash(), hash);
        return rows;
    }
}
