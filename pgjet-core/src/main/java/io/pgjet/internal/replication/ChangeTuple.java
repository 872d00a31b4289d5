package io.pgjet.internal.replication;

import io.pgjet.replication.ReplicationMessage;
import io.pgjet.replication.Tuple;

/** A decoded TupleData: per column a kind ('n' null, 'u' unchanged TOAST, 't' text) and its text. */
final class ChangeTuple implements Tuple {
    private final ReplicationMessage.Relation relation;
    private final byte[] kinds;
    private final String[] texts;

    ChangeTuple(ReplicationMessage.Relation relation, byte[] kinds, String[] texts) {
        this.relation = relation;
        this.kinds = kinds;
        this.texts = texts;
    }

    @Override
    public int size() {
        return texts.length;
    }

    @Override
    public ReplicationMessage.Relation relation() {
        return relation;
    }

    @Override
    public String name(int index) {
        return relation.columns().get(index).name();
    }

    @Override
    public int typeOid(int index) {
        return relation.columns().get(index).typeOid();
    }

    @Override
    public int indexOf(String name) {
        for (int i = 0; i < texts.length; i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + relation.namespace() + "." + relation.name());
    }

    @Override
    public boolean isNull(int index) {
        return kinds[index] == 'n';
    }

    @Override
    public boolean isUnchangedToast(int index) {
        return kinds[index] == 'u';
    }

    @Override
    public String text(int index) {
        return texts[index];
    }

    @Override
    public Object value(int index) {
        return TextValue.convert(typeOid(index), texts[index]);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            // names only: values are user data and must not end up in logs
            s.append(name(i));
        }
        return s.append(')').toString();
    }
}
