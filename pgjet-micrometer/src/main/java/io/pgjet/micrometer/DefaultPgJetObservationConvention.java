package io.pgjet.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * OpenTelemetry's stable database client conventions as Micrometer key values. Low
 * cardinality (tags of the timer): {@code db.system.name=postgresql}, {@code db.namespace},
 * {@code db.operation.name}, {@code db.collection.name}, {@code server.address},
 * {@code server.port}, {@code error.type}, {@code db.response.status_code} (the SQLSTATE) and
 * {@code pgjet.operation} (query, batch, prepare, copy_in, ...); a key without a value is
 * {@code none}, so every timer has the same tags. High cardinality (span attributes only):
 * {@code db.query.text}, {@code db.query.summary}, {@code db.response.returned_rows}, and
 * {@code db.query.parameter.<n>} only when the listener was asked to include parameters.
 */
public class DefaultPgJetObservationConvention implements PgJetObservationConvention {
    /** The observation's name (the timer is {@code db.client.operation}). */
    public static final String NAME = "db.client.operation";
    /** The shared instance. */
    public static final DefaultPgJetObservationConvention INSTANCE = new DefaultPgJetObservationConvention();

    private static final String NONE = KeyValue.NONE_VALUE;
    private static final KeyValue SYSTEM = KeyValue.of("db.system.name", "postgresql");
    /** {@code pgjet.operation} per kind, made once: conventions run twice per operation. */
    private static final KeyValue[] KINDS = new KeyValue[OperationKind.values().length];

    static {
        for (OperationKind kind : OperationKind.values()) {
            KINDS[kind.ordinal()] = KeyValue.of("pgjet.operation", kind.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Creates the convention; prefer {@link #INSTANCE} unless extending it. */
    public DefaultPgJetObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * Names spans like OpenTelemetry: the query summary ({@code SELECT users}), else the database.
     *
     * @param context the context
     * @return the summary
     */
    @Override
    public String getContextualName(PgJetObservationContext context) {
        return context.getSummary().summary();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(PgJetObservationContext context) {
        Operation operation = context.getOperation();
        Outcome outcome = context.getOutcome();
        String collection = context.getSummary().collectionName();
        String errorType = outcome == null || outcome.succeeded() ? NONE : outcome.errorType();
        String state = outcome == null ? null : outcome.sqlState();
        return KeyValues.of(
                SYSTEM,
                KeyValue.of("db.namespace", operation.server().database()),
                KeyValue.of("db.operation.name", context.getSummary().operationName()),
                KeyValue.of("db.collection.name", collection == null ? NONE : collection),
                KeyValue.of("server.address", operation.server().address()),
                KeyValue.of("server.port", Integer.toString(operation.server().port())),
                KeyValue.of("error.type", errorType),
                KeyValue.of("db.response.status_code", state == null ? NONE : state),
                KINDS[operation.kind().ordinal()]);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(PgJetObservationContext context) {
        Operation operation = context.getOperation();
        KeyValues values = KeyValues.of(KeyValue.of("db.query.summary", context.getSummary().summary()));
        if (operation.sql() != null) {
            values = values.and(KeyValue.of("db.query.text", operation.sql()));
        }
        Outcome outcome = context.getOutcome();
        if (outcome != null && outcome.rows() >= 0) {
            values = values.and(KeyValue.of("db.response.returned_rows", Long.toString(outcome.rows())));
        }
        if (context.isIncludeParameters()) {
            List<Object> arguments = operation.arguments();
            for (int i = 0; i < arguments.size(); i++) {
                values = values.and(KeyValue.of("db.query.parameter." + i, String.valueOf(arguments.get(i))));
            }
        }
        return values;
    }
}
