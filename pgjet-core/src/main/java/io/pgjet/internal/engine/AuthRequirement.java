package io.pgjet.internal.engine;

import io.pgjet.PgInterfaceException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The authentication methods a client accepts from the server, as libpq's {@code require_auth}
 * spells them: a comma-separated list of {@code password}, {@code md5}, {@code gss},
 * {@code sspi}, {@code scram-sha-256}, {@code oauth} and {@code none} (the server asks for no
 * authentication exchange; a TLS client certificate still may be checked), either all plain (only
 * these are allowed) or all prefixed with {@code !} (all but these). Immutable and thread-safe.
 */
public final class AuthRequirement {
    /** Allows every method, as when {@code require_auth} is not set. */
    public static final AuthRequirement ANY = new AuthRequirement(null, Set.of(), true);

    private static final Set<String> METHODS = Set.of("password", "md5", "gss", "sspi", "scram-sha-256", "oauth", "none");

    private final String spec;
    private final Set<String> listed;
    private final boolean negated;

    private AuthRequirement(String spec, Set<String> listed, boolean negated) {
        this.spec = spec;
        this.listed = listed;
        this.negated = negated;
    }

    /**
     * Parses a {@code require_auth} value.
     *
     * @param spec the value, or null or blank for {@link #ANY}
     * @return the requirement
     * @throws PgInterfaceException for an unknown method, a method given twice, or plain and
     *     negated methods mixed (the messages follow libpq's)
     */
    public static AuthRequirement parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return ANY;
        }
        Set<String> listed = new LinkedHashSet<>();
        Boolean negated = null;
        for (String part : spec.split(",", -1)) {
            String method = part.strip().toLowerCase(Locale.ROOT);
            boolean not = method.startsWith("!");
            if (not) {
                method = method.substring(1);
            }
            if (!METHODS.contains(method)) {
                throw new PgInterfaceException("invalid require_auth method: \"" + part.strip()
                        + "\" (expected password, md5, scram-sha-256, oauth, gss, sspi or none, optionally with !)");
            }
            if (negated != null && negated != not) {
                throw new PgInterfaceException("require_auth: negative methods (\"!" + method
                        + "\") cannot be mixed with non-negative ones in \"" + spec.strip() + "\"");
            }
            negated = not;
            if (!listed.add(method)) {
                throw new PgInterfaceException("require_auth method \"" + method + "\" is specified more than once");
            }
        }
        return new AuthRequirement(spec.strip(), Set.copyOf(listed), negated);
    }

    /**
     * Returns whether the server may authenticate the client with {@code method}.
     *
     * @param method one of the method names above
     * @return true when allowed
     */
    public boolean allows(String method) {
        return negated != listed.contains(method);
    }

    /**
     * Returns the failure for a server that asked for (or, for {@code none}, skipped to) a
     * method this requirement does not allow, or null when it is allowed.
     *
     * @param method the method the server chose
     * @param user the user connecting, for the message
     * @return the reason to refuse, or null
     */
    public String refusal(String method, String user) {
        if (allows(method)) {
            return null;
        }
        return "none".equals(method)
                ? "the server accepted user \"" + user + "\" without authentication, but require_auth=" + spec
                        + " does not allow that"
                : "the server requested " + method + " authentication for user \"" + user + "\", but require_auth="
                        + spec + " does not allow it; nothing was sent";
    }

    /**
     * Returns the value as given (stripped), or null for {@link #ANY}.
     *
     * @return the {@code require_auth} value
     */
    public String spec() {
        return spec;
    }

    /** {@return the value, for logs} */
    @Override
    public String toString() {
        return spec == null ? "any" : spec;
    }
}
