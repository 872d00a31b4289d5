package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.ChannelBindingMode;
import io.pgjet.PgAuthenticationException;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.protocol.AuthenticationException;
import io.pgjet.protocol.ChannelBinding;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.Md5Authentication;
import io.pgjet.protocol.ProtocolVersion;
import io.pgjet.protocol.ScramSha256Client;
import io.pgjet.protocol.ServerMessage;
import java.util.List;

/**
 * The seed's AUTH state: sends the StartupMessage, answers the server's authentication requests
 * (cleartext, MD5, SCRAM-SHA-256 with or without channel binding) and completes at the first
 * ReadyForQuery. Authentication failures complete the future with the server's
 * {@link PgException} (e.g. invalid_password) or a {@link PgConnectionException} naming what
 * PgJet refused; the password never appears in any message.
 */
public final class StartupCommand extends ResultCommand<Void> {
    private static final System.Logger LOG = System.getLogger("io.pgjet.connect");
    /** How the server authenticated us, for the log: no request at all means trust (or cert). */
    private String authMethod = "trust or certificate (no password asked)";

    private final StartupParameters parameters;
    private ScramSha256Client scram;
    private boolean channelBound;
    private boolean authenticated;
    /** Whether the server asked for any authentication exchange (else it is require_auth's "none"). */
    private boolean exchanged;
    /** Whether the exchange is OAUTHBEARER; {@link #oauthStatus} holds the server's reason for a rejected token. */
    private boolean oauth;
    private String oauthStatus;

    /** Creates the startup exchange for the given parameters. */
    public StartupCommand(StartupParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    protected String sql() {
        return null;
    }

    @Override
    protected Void result() {
        return null;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        context.session().protocolVersion(parameters.protocolVersion());
        FrontendMessages.startup(out, parameters.protocolVersion(), parameters.startupMessage());
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        super.errorResponse(error);
        // The server closes the connection after a startup error without a ReadyForQuery.
        PgException failure = PgException.of(error.fields(), null);
        if (oauthStatus != null) {
            future().completeExceptionally(new PgAuthenticationException("the server rejected the OAuth bearer token"
                    + " (status \"" + oauthStatus + "\"): " + failure.getMessage(), failure));
            return;
        }
        future().completeExceptionally(failure);
    }

    void authenticationOk() {
        if (!exchanged) {
            checkRequired("none");
        }
        if (parameters.channelBinding() == ChannelBindingMode.REQUIRE && !channelBound) {
            refuse("channel binding is required, but the server authenticated the client without it");
            return;
        }
        authenticated = true;
    }

    void cleartextPassword(EngineContext context) {
        checkRequired("password");
        if (refuseUnboundMethod("password")) {
            return;
        }
        authMethod = "password";
        FrontendMessages.password(context.outbound(), requirePassword("password"));
        context.requestFlush();
    }

    void md5Password(byte[] salt, EngineContext context) {
        checkRequired("md5");
        if (refuseUnboundMethod("md5")) {
            return;
        }
        String user = parameters.startupMessage().get("user");
        String hashed = Md5Authentication.encode(user, requirePassword("md5"), salt);
        authMethod = "md5";
        FrontendMessages.password(context.outbound(), hashed);
        context.requestFlush();
    }

    void sasl(List<String> mechanisms, EngineContext context) {
        if (mechanisms.contains(OAuthBearer.MECHANISM) && !mechanisms.contains("SCRAM-SHA-256")
                && !mechanisms.contains("SCRAM-SHA-256-PLUS")) {
            oauthBearer(context);
            return;
        }
        checkRequired("scram-sha-256");
        String password = requirePassword("SCRAM-SHA-256");
        boolean tls = parameters.serverCertificate() != null;
        ChannelBindingMode mode = parameters.channelBinding();
        boolean serverOffersPlus = mechanisms.contains("SCRAM-SHA-256-PLUS");
        ChannelBinding binding;
        if (tls && serverOffersPlus && mode != ChannelBindingMode.DISABLE) {
            binding = ChannelBinding.tlsServerEndPoint(parameters.serverCertificate());
            channelBound = true;
        } else if (mode == ChannelBindingMode.REQUIRE) {
            refuse(tls
                    ? "channel binding is required, but the server did not offer SCRAM-SHA-256-PLUS"
                    : "channel binding is required, but the connection does not use TLS");
            return;
        } else if (!mechanisms.contains("SCRAM-SHA-256")) {
            refuse("the server offered SASL mechanisms " + mechanisms + ", none of which PgJet supports");
            return;
        } else {
            binding = tls && mode != ChannelBindingMode.DISABLE
                    ? ChannelBinding.supportedButNotUsed()
                    : ChannelBinding.none();
        }
        scram = new ScramSha256Client(password, binding, parameters.scramMaxIterations());
        authMethod = channelBound ? "SCRAM-SHA-256-PLUS (channel binding)" : "SCRAM-SHA-256";
        FrontendMessages.saslInitialResponse(context.outbound(), scram.mechanism(), scram.clientFirstMessage());
        context.requestFlush();
    }

    /** Answers OAUTHBEARER with the configured token (RFC 7628 initial client response). */
    private void oauthBearer(EngineContext context) {
        checkRequired("oauth");
        if (refuseUnboundMethod(OAuthBearer.MECHANISM)) {
            return;
        }
        String token = parameters.oauthToken();
        if (token == null) {
            refuse("the server requested OAuth (OAUTHBEARER) authentication for user \""
                    + parameters.startupMessage().get("user") + "\", but no OAuth token supplier is configured"
                    + " (ConnectionConfig.Builder.oauthTokenSupplier); PgJet does not run OAuth flows itself");
            return;
        }
        oauth = true;
        FrontendMessages.saslInitialResponse(context.outbound(), OAuthBearer.MECHANISM, OAuthBearer.initialResponse(token));
        context.requestFlush();
    }

    void saslContinue(byte[] data, EngineContext context) {
        if (oauth) {
            // The server rejected the token and says why (a JSON error); RFC 7628 has the client
            // answer with a lone separator, after which the server sends its ErrorResponse.
            oauthStatus = OAuthBearer.errorStatus(data);
            FrontendMessages.saslResponse(context.outbound(), OAuthBearer.ERROR_ACKNOWLEDGEMENT);
            context.requestFlush();
            return;
        }
        if (scram == null) {
            unexpected("AuthenticationSASLContinue");
        }
        byte[] clientFinal;
        try {
            clientFinal = scram.clientFinalMessage(data);
        } catch (AuthenticationException e) {
            refuse("SCRAM authentication failed: " + e.getMessage());
            return;
        }
        FrontendMessages.saslResponse(context.outbound(), clientFinal);
        context.requestFlush();
    }

    void saslFinal(byte[] data) {
        if (oauth) {
            return; // OAUTHBEARER has no server-final data to check
        }
        if (scram == null) {
            unexpected("AuthenticationSASLFinal");
        }
        try {
            scram.verifyServerFinal(data);
        } catch (AuthenticationException e) {
            refuse("the server failed SCRAM verification (wrong server or tampered connection): "
                    + e.getMessage());
        }
    }

    void unsupported(int code) {
        refuse("the server requested authentication method " + describe(code)
                + ", which PgJet does not support; use scram-sha-256, md5, password, trust or cert");
    }

    void negotiateProtocolVersion(int newest, List<String> unrecognized, EngineContext context) {
        int requested = parameters.protocolVersion();
        // The documentation calls the field the newest minor version, but servers send the whole
        // version number (e.g. 196608 for 3.0); accept both forms.
        int newestMinor = newest > 0xFFFF ? ProtocolVersion.minor(newest) : newest;
        if (newestMinor >= ProtocolVersion.minor(requested) && unrecognized.isEmpty()) {
            return;
        }
        if (newestMinor < 0) {
            refuse("the server offered an invalid protocol version 3." + newestMinor);
            return;
        }
        // Older servers answer a 3.2 request with their newest minor version; use it.
        context.session().protocolVersion((3 << 16) | newestMinor);
    }

    @Override
    protected void completed(byte transactionStatus) {
        if (!authenticated) {
            future().completeExceptionally(new PgConnectionException(
                    "the server finished startup without authenticating the client"));
            return;
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "authenticated user \"" + parameters.startupMessage().get("user")
                    + "\" with " + authMethod);
        }
        super.completed(transactionStatus);
    }

    private boolean refuseUnboundMethod(String method) {
        if (parameters.channelBinding() == ChannelBindingMode.REQUIRE) {
            refuse("channel binding is required, but the server asked for " + method + " authentication");
            return true;
        }
        return false;
    }

    /** Refuses, before anything is sent, a method {@code require_auth} does not allow. */
    private void checkRequired(String method) {
        exchanged |= !"none".equals(method);
        AuthRequirement required = parameters.requireAuth();
        String refusal = required == null ? null : required.refusal(method, parameters.startupMessage().get("user"));
        if (refusal != null) {
            refuse(refusal);
        }
    }

    private String requirePassword(String method) {
        String password = parameters.password();
        if (password == null) {
            PgAuthenticationException e = new PgAuthenticationException("the server requested " + method
                    + " authentication for user \"" + parameters.startupMessage().get("user")
                    + "\", but no password was supplied (set it in the DSN, PGPASSWORD or ~/.pgpass)");
            future().completeExceptionally(e);
            throw new AuthenticationAborted(e);
        }
        return password;
    }

    private void refuse(String reason) {
        PgAuthenticationException e = new PgAuthenticationException(reason);
        future().completeExceptionally(e);
        throw new AuthenticationAborted(e);
    }

    private static String describe(int code) {
        switch (code) {
            case 2: return "KerberosV5 (2)";
            case 6: return "SCM credentials (6)";
            case 7: return "GSSAPI (7)";
            case 8: return "GSSAPI continue (8)";
            case 9: return "SSPI (9)";
            default: return "code " + code;
        }
    }

    /**
     * Thrown out of the engine when PgJet refuses to continue authentication: the transport
     * closes the connection, and the startup future already carries the reason.
     */
    public static final class AuthenticationAborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuthenticationAborted(PgConnectionException reason) {
            super(reason.getMessage(), reason, false, false);
        }
    }

}
