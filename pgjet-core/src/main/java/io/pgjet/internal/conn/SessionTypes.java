package io.pgjet.internal.conn;

import io.netty.buffer.ByteBuf;
import io.pgjet.Row;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.engine.SessionState;
import io.pgjet.internal.engine.TypeResolver;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.IntrospectionQuery;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import io.pgjet.types.JsonMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type system as one connection sees it: the codec registry (built-ins plus the types
 * introspected from this server, shared by every connection to the same server and database)
 * and the codec context, rebuilt when the session's TimeZone changes.
 */
public final class SessionTypes implements TypeResolver {
    private static final Map<String, CodecRegistry> BY_SERVER = new ConcurrentHashMap<>();
    private static final int OID_ARRAY = 1028;
    private static final String INTROSPECTION = "pgjet_introspection";

    private final SessionState session;
    private final String serverKey;
    private final JsonMapper jsonMapper;
    private volatile CodecRegistry registry;
    private volatile CodecContext context;
    private volatile String contextZone;
    /** This connection's setTypeCodec codecs, in installation order (kept across reload). */
    private final List<UserCodec> userCodecs = new java.util.concurrent.CopyOnWriteArrayList<>();

    SessionTypes(SessionState session, String serverKey, JsonMapper jsonMapper) {
        this.session = session;
        this.serverKey = serverKey;
        this.jsonMapper = jsonMapper;
        this.registry = BY_SERVER.computeIfAbsent(serverKey, key -> CodecRegistry.withBuiltins());
    }

    /** Returns the registry in use. */
    public CodecRegistry registry() {
        return registry;
    }

    /** Returns the codec context for the session's current TimeZone. */
    public CodecContext context() {
        String zone = session.parameter("TimeZone");
        CodecContext current = context;
        if (current == null || !java.util.Objects.equals(zone, contextZone) || current.registry() != registry) {
            current = new CodecContext(registry, zone == null ? java.time.ZoneOffset.UTC : CodecContext.parseTimeZone(zone),
                    session.serverVersionNumber(), true, jsonMapper);
            context = current;
            contextZone = zone;
        }
        return current;
    }

    /**
     * Forgets introspected types of this server (reloadSchemaState); built-ins stay, and so do
     * this connection's user codecs (setTypeCodec), as in asyncpg: they are installed again.
     */
    void reload() {
        CodecRegistry fresh = CodecRegistry.withBuiltins();
        BY_SERVER.put(serverKey, fresh);
        if (!userCodecs.isEmpty()) {
            fresh = fresh.copy();
            for (UserCodec user : userCodecs) {
                user.installIn(fresh);
            }
        }
        registry = fresh;
        context = null;
    }

    /**
     * Installs a user codec for this connection only: the registry is copied first, so other
     * connections to the same server keep the built-in behaviour.
     */
    void installUserCodec(Codec codec, int arrayOid) {
        CodecRegistry own = registry.copy();
        UserCodec user = new UserCodec(codec, arrayOid);
        user.installIn(own);
        userCodecs.removeIf(old -> old.codec().oid() == codec.oid());
        userCodecs.add(user);
        registry = own;
        context = null;
    }

    /** A codec installed by setTypeCodec, and its type's array type (0 if none). */
    private record UserCodec(Codec codec, int arrayOid) {
        void installIn(CodecRegistry target) {
            target.register(codec);
            if (arrayOid != 0) {
                target.registerArray(arrayOid, codec.oid());
            }
        }
    }

    @Override
    public int[] unknownTypes(int[] parameterTypes, RowDescription columns) {
        int[] unknown = new int[parameterTypes.length + (columns == null ? 0 : columns.columnCount())];
        int count = 0;
        for (int oid : parameterTypes) {
            count = addUnknown(unknown, count, oid);
        }
        for (int i = 0; columns != null && i < columns.columnCount(); i++) {
            count = addUnknown(unknown, count, columns.typeOid(i));
        }
        return Arrays.copyOf(unknown, count);
    }

    private int addUnknown(int[] unknown, int count, int oid) {
        if (oid == 0 || registry.isCurrent(oid)) {
            return count;
        }
        for (int i = 0; i < count; i++) {
            if (unknown[i] == oid) {
                return count;
            }
        }
        unknown[count] = oid;
        return count + 1;
    }

    @Override
    public void writeIntrospection(ByteBuf out, int[] oids) {
        // A named statement, closed right away: the unnamed one may be the statement being prepared.
        FrontendMessages.parse(out, INTROSPECTION, IntrospectionQuery.sql(session.serverVersionNumber()), new int[] {OID_ARRAY});
        byte[] parameter = IntrospectionQuery.oidArrayParameter(oids).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FrontendMessages.bind(out, "", INTROSPECTION, new short[0], new byte[][] {parameter}, new short[0]);
        FrontendMessages.describePortal(out, "");
        FrontendMessages.execute(out, "", 0);
        FrontendMessages.closeStatement(out, INTROSPECTION);
        FrontendMessages.sync(out);
    }

    @Override
    public void registerIntrospected(List<Row> rows) {
        IntrospectionQuery.register(rows, registry);
        context = null;
    }

    @Override
    public boolean isOutdated(PreparedInfo statement) {
        CodecRegistry current = registry;
        for (int oid : statement.parameterTypes()) {
            Codec codec = oid == 0 ? null : current.codec(oid);
            if (codec != null && codec.isOutdated()) {
                return true;
            }
        }
        Columns columns = statement.columns();
        for (int i = 0; columns != null && i < columns.count(); i++) {
            Codec codec = columns.codec(i);
            if (codec != null && codec.isOutdated()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void outdated(Codec codec) {
        CodecRegistry shared = BY_SERVER.get(serverKey);
        // The shared registry serves new connections; this connection's own copy (after
        // setTypeCodec) holds the same codec instances but may nest them in codecs of its own.
        if (shared != null && shared != registry) {
            shared.markOutdated(codec);
        }
        registry.markOutdated(codec);
        context = null;
    }

    @Override
    public Codec.OutdatedDescription outdatedParameters(PreparedInfo statement, String serverMessage) {
        Codec.OutdatedDescription first = null;
        CodecRegistry current = registry;
        for (int oid : statement.parameterTypes()) {
            Codec codec = oid == 0 ? null : current.codec(oid);
            if (codec != null && codec.hasShape(current)) {
                outdated(codec);
                if (first == null) {
                    first = new Codec.OutdatedDescription(codec, codec.outdatedError("the server refused its shape: "
                            + serverMessage));
                }
            }
        }
        return first;
    }

    @Override
    public Columns columns(RowDescription description) {
        Codec[] codecs = new Codec[description.columnCount()];
        CodecRegistry current = registry;
        for (int i = 0; i < codecs.length; i++) {
            int oid = description.typeOid(i);
            Codec codec = current.codec(oid);
            if (current.hasBinaryCodec(oid) || (codec != null && codec.format() == Codec.TEXT)) {
                codecs[i] = codec; // binary, or a text-format user codec that parses the text itself
            } else if (codec != null) {
                // e.g. json[] after setTypeCodec("json", text codec), or a domain over json: read as
                // text, decoded by the nested type's codec (null: no text form, a plain String)
                codecs[i] = codec.textForm(current);
            }
        }
        return new Columns(description, codecs, this::context);
    }
}
