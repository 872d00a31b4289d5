package io.pgjet.internal.replication;

import io.pgjet.PgProtocolException;
import io.pgjet.replication.Lsn;
import io.pgjet.replication.ReplicationMessage;
import io.pgjet.replication.ReplicationMessage.Column;
import io.pgjet.replication.ReplicationMessage.Relation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the {@code pgoutput} logical replication protocol (versions 1 to 4) into
 * {@link ReplicationMessage}s. Keeps the relations the server described, since changes name
 * their table only by OID, and whether a streamed segment is open, since changes inside one carry
 * the transaction id. One instance per stream; not thread-safe (runs on the I/O thread).
 */
final class PgOutputDecoder {
    private final Map<Integer, Relation> relations = new HashMap<>();
    private final int protoVersion;
    private boolean inStream;

    PgOutputDecoder(int protoVersion) {
        this.protoVersion = protoVersion;
    }

    /** Decodes one message; returns null for a message type this decoder skips (none today). */
    ReplicationMessage decode(ByteBuffer in) {
        byte type = in.get();
        try {
            return switch (type) {
                case 'B' -> new ReplicationMessage.Begin(lsn(in), WalClock.toInstant(in.getLong()), xid(in));
                case 'C' -> new ReplicationMessage.Commit(in.get(), lsn(in), lsn(in), WalClock.toInstant(in.getLong()));
                case 'O' -> new ReplicationMessage.Origin(lsn(in), string(in));
                case 'R' -> relation(in);
                case 'Y' -> new ReplicationMessage.Type(streamXid(in), in.getInt(), string(in), string(in));
                case 'I' -> insert(in);
                case 'U' -> update(in);
                case 'D' -> delete(in);
                case 'T' -> truncate(in);
                case 'M' -> message(in);
                case 'S' -> {
                    inStream = true;
                    yield new ReplicationMessage.StreamStart(xid(in), in.get() == 1);
                }
                case 'E' -> {
                    inStream = false;
                    yield new ReplicationMessage.StreamStop();
                }
                case 'c' -> new ReplicationMessage.StreamCommit(xid(in), in.get(), lsn(in), lsn(in),
                        WalClock.toInstant(in.getLong()));
                case 'A' -> new ReplicationMessage.StreamAbort(xid(in), xid(in)); // v4 adds LSN and time: not needed
                default -> throw new PgProtocolException("unknown pgoutput message type '" + (char) type
                        + "' (proto_version " + protoVersion + ")");
            };
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new PgProtocolException("truncated pgoutput message '" + (char) type + "'");
        }
    }

    private ReplicationMessage relation(ByteBuffer in) {
        long xid = streamXid(in);
        int oid = in.getInt();
        String namespace = string(in);
        String name = string(in);
        char identity = (char) in.get();
        int count = in.getShort() & 0xFFFF;
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (in.get() & 1) != 0;
            columns.add(new Column(string(in), in.getInt(), in.getInt(), key));
        }
        Relation relation = new Relation(xid, oid, namespace.isEmpty() ? "pg_catalog" : namespace, name, identity, columns);
        relations.put(oid, relation);
        return relation;
    }

    private ReplicationMessage insert(ByteBuffer in) {
        long xid = streamXid(in);
        Relation relation = relation(in.getInt());
        expect(in, 'N', "Insert");
        return new ReplicationMessage.Insert(xid, relation, tuple(in, relation));
    }

    private ReplicationMessage update(ByteBuffer in) {
        long xid = streamXid(in);
        Relation relation = relation(in.getInt());
        ChangeTuple oldKey = null;
        ChangeTuple oldTuple = null;
        byte kind = in.get();
        if (kind == 'K') {
            oldKey = tuple(in, relation);
            kind = in.get();
        } else if (kind == 'O') {
            oldTuple = tuple(in, relation);
            kind = in.get();
        }
        if (kind != 'N') {
            throw new PgProtocolException("pgoutput Update without a new tuple");
        }
        return new ReplicationMessage.Update(xid, relation, oldKey, oldTuple, tuple(in, relation));
    }

    private ReplicationMessage delete(ByteBuffer in) {
        long xid = streamXid(in);
        Relation relation = relation(in.getInt());
        byte kind = in.get();
        if (kind != 'K' && kind != 'O') {
            throw new PgProtocolException("pgoutput Delete without an old key or tuple");
        }
        ChangeTuple old = tuple(in, relation);
        return new ReplicationMessage.Delete(xid, relation, kind == 'K' ? old : null, kind == 'O' ? old : null);
    }

    private ReplicationMessage truncate(ByteBuffer in) {
        long xid = streamXid(in);
        int count = in.getInt();
        int options = in.get();
        List<Relation> truncated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            truncated.add(relation(in.getInt()));
        }
        return new ReplicationMessage.Truncate(xid, truncated, (options & 1) != 0, (options & 2) != 0);
    }

    private ReplicationMessage message(ByteBuffer in) {
        long xid = streamXid(in);
        boolean transactional = (in.get() & 1) != 0;
        Lsn lsn = lsn(in);
        String prefix = string(in);
        byte[] content = new byte[in.getInt()];
        in.get(content);
        return new ReplicationMessage.LogicalMessage(xid, transactional, lsn, prefix, content);
    }

    private ChangeTuple tuple(ByteBuffer in, Relation relation) {
        int count = in.getShort() & 0xFFFF;
        if (count != relation.columns().size()) {
            throw new PgProtocolException("pgoutput tuple of " + count + " columns for " + relation.name()
                    + " of " + relation.columns().size());
        }
        byte[] kinds = new byte[count];
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            byte kind = in.get();
            kinds[i] = kind;
            if (kind == 't' || kind == 'b') {
                int length = in.getInt();
                texts[i] = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
                in.position(in.position() + length);
            } else if (kind != 'n' && kind != 'u') {
                throw new PgProtocolException("unknown pgoutput column kind '" + (char) kind + "'");
            }
        }
        return new ChangeTuple(relation, kinds, texts);
    }

    private Relation relation(int oid) {
        Relation relation = relations.get(oid);
        if (relation == null) {
            throw new PgProtocolException("pgoutput change for relation " + oid + " before its Relation message");
        }
        return relation;
    }

    private static void expect(ByteBuffer in, char kind, String message) {
        if (in.get() != kind) {
            throw new PgProtocolException("pgoutput " + message + " without its '" + kind + "' tuple");
        }
    }

    private long streamXid(ByteBuffer in) {
        return inStream ? xid(in) : 0;
    }

    private static long xid(ByteBuffer in) {
        return in.getInt() & 0xFFFFFFFFL;
    }

    private static Lsn lsn(ByteBuffer in) {
        return new Lsn(in.getLong());
    }

    private static String string(ByteBuffer in) {
        int start = in.position();
        int end = start;
        while (in.get(end) != 0) {
            end++;
        }
        String s = new String(in.array(), in.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        in.position(end + 1);
        return s;
    }
}
