package io.pgjet.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.QuerySummary;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Objects;

/**
 * Traces and measures PgJet's operations with OpenTelemetry:
 *
 * <pre>{@code
 * PgJetTelemetry telemetry = PgJetTelemetry.create(openTelemetry);
 * ConnectionConfig config = ConnectionConfig.parse(dsn).toBuilder().addListener(telemetry).build();
 * }</pre>
 *
 * <p>Each query, batch, prepare, cursor opening, COPY and connect is a {@link SpanKind#CLIENT} span named by its
 * summary ({@code SELECT users}); pool acquisitions and transactions are
 * {@link SpanKind#INTERNAL} spans. A span's parent is the caller's current context when the verb
 * is called (on the caller's thread), whatever thread the answer arrives on, and it ends when
 * its answer arrives, so pipelined requests each get their own duration. Attributes follow the
 * stable database conventions: {@code db.system.name=postgresql}, {@code db.namespace},
 * {@code db.operation.name}, {@code db.collection.name}, {@code db.query.summary},
 * {@code db.query.text} (the SQL with {@code $n} placeholders; argument values only with
 * {@link Builder#setQueryParameters}), {@code server.address}, {@code server.port}, and on
 * failure {@code error.type} and {@code db.response.status_code} (the SQLSTATE). Database
 * operations are also recorded in the {@code db.client.operation.duration} histogram (seconds,
 * the conventions' bucket boundaries).
 */
public final class PgJetTelemetry implements PgJetListener {
    /** The instrumentation scope name of PgJet's tracer and meter. */
    public static final String INSTRUMENTATION_NAME = "io.pgjet.opentelemetry";
    /** The semantic conventions' advice for {@code db.client.operation.duration}, in seconds. */
    public static final List<Double> DURATION_BUCKETS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);
    private static final AttributeKey<Long> RETURNED_ROWS = AttributeKey.longKey("db.response.returned_rows");
    private static final AttributeKey<String> PGJET_OPERATION = AttributeKey.stringKey("pgjet.operation");
    private static final String POSTGRESQL = DbAttributes.DbSystemNameValues.POSTGRESQL;

    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final boolean queryParameters;
    private final boolean traceparentComment;
    private final boolean traceparentApplicationName;
    /**
     * The context (with its span) of each open transaction, by its operation: the parent of the
     * statements run in it. Weak keys, so a transaction that never ends (its connection lost)
     * does not stay here.
     */
    private final Map<Operation, Context> transactions = Collections.synchronizedMap(new WeakHashMap<>());

    private PgJetTelemetry(Builder builder) {
        this.tracer = builder.openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.duration = builder.openTelemetry.getMeter(INSTRUMENTATION_NAME)
                .histogramBuilder("db.client.operation.duration")
                .setUnit("s")
                .setDescription("Duration of database client operations.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.queryParameters = builder.queryParameters;
        this.traceparentComment = builder.traceparentComment;
        this.traceparentApplicationName = builder.traceparentApplicationName;
    }

    /**
     * Creates the listener with the defaults (no argument values).
     *
     * @param openTelemetry the OpenTelemetry instance (for instance {@code GlobalOpenTelemetry.get()})
     * @return the listener
     */
    public static PgJetTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Starts configuring a listener.
     *
     * @param openTelemetry the OpenTelemetry instance
     * @return a builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** What one operation's end needs: its span and the context it started in. */
    private record Started(Span span, Context parent, QuerySummary summary) {}

    @Override
    public Object operationStarted(Operation operation) {
        Context parent = parentOf(operation);
        QuerySummary summary = QuerySummary.of(operation);
        SpanBuilder span = tracer.spanBuilder(summary.summary())
                .setParent(parent)
                .setSpanKind(isDatabaseOperation(operation.kind()) || operation.kind() == OperationKind.CONNECT
                        ? SpanKind.CLIENT : SpanKind.INTERNAL)
                .setAttribute(DbAttributes.DB_SYSTEM_NAME, POSTGRESQL)
                .setAttribute(DbAttributes.DB_NAMESPACE, operation.server().database())
                .setAttribute(DbAttributes.DB_OPERATION_NAME, summary.operationName())
                .setAttribute(DbAttributes.DB_QUERY_SUMMARY, summary.summary())
                .setAttribute(ServerAttributes.SERVER_ADDRESS, operation.server().address())
                .setAttribute(ServerAttributes.SERVER_PORT, (long) operation.server().port())
                .setAttribute(PGJET_OPERATION, operation.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (summary.collectionName() != null) {
            span.setAttribute(DbAttributes.DB_COLLECTION_NAME, summary.collectionName());
        }
        if (operation.sql() != null) {
            span.setAttribute(DbAttributes.DB_QUERY_TEXT, operation.sql());
        }
        if (queryParameters) {
            List<Object> arguments = operation.arguments();
            for (int i = 0; i < arguments.size(); i++) {
                span.setAttribute("db.query.parameter." + i, String.valueOf(arguments.get(i)));
            }
        }
        Span started = span.startSpan();
        if (operation.kind() == OperationKind.TRANSACTION) {
            transactions.put(operation, parent.with(started));
        }
        return new Started(started, parent, summary);
    }

    /**
     * The span of the transaction the operation runs in, else the caller's current context: a
     * statement's callback runs on PgJet's threads, where the transaction's span is not current.
     */
    private Context parentOf(Operation operation) {
        Operation transaction = operation.transaction();
        Context parent = transaction == null ? null : transactions.get(transaction);
        return parent != null ? parent : Context.current();
    }

    /**
     * With {@link Builder#setTraceparentComment}, returns the query span's W3C traceparent in
     * sqlcommenter form ({@code traceparent='00-<trace-id>-<span-id>-<flags>'}).
     *
     * @param operation the operation
     * @param context the span PgJet started for it
     * @return the comment, or {@code null} when off or the span is not sampled into a valid context
     */
    @Override
    public String sqlComment(Operation operation, Object context) {
        if (!traceparentComment) {
            return null;
        }
        String traceparent = traceparent(context);
        return traceparent == null ? null : "traceparent='" + traceparent + "'";
    }

    /**
     * With {@link Builder#setTraceparentApplicationName}, returns the query span's W3C
     * traceparent ({@code 00-<trace-id>-<span-id>-<flags>}, 55 characters) as the session's
     * {@code application_name} while the query runs.
     *
     * @param operation the operation
     * @param context the span PgJet started for it
     * @return the traceparent, or {@code null} when off or the span is not sampled into a valid context
     */
    @Override
    public String applicationName(Operation operation, Object context) {
        return traceparentApplicationName ? traceparent(context) : null;
    }

    private static String traceparent(Object context) {
        if (!(context instanceof Started)) {
            return null;
        }
        io.opentelemetry.api.trace.SpanContext span = ((Started) context).span().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    @Override
    public void operationEnded(Operation operation, Object context, Outcome outcome) {
        if (!(context instanceof Started)) {
            return;
        }
        Started started = (Started) context;
        if (operation.kind() == OperationKind.TRANSACTION) {
            transactions.remove(operation);
        }
        Span span = started.span();
        String errorType = outcome.errorType();
        String state = outcome.sqlState();
        if (outcome.rows() >= 0) {
            span.setAttribute(RETURNED_ROWS, outcome.rows());
        }
        if (errorType != null) {
            span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
            if (state != null) {
                span.setAttribute(DbAttributes.DB_RESPONSE_STATUS_CODE, state);
            }
            span.recordException(outcome.error());
            span.setStatus(StatusCode.ERROR, outcome.error().getMessage() == null ? errorType : outcome.error().getMessage());
        }
        span.end();
        if (isDatabaseOperation(operation.kind())) {
            duration.record(outcome.durationNanos() / 1e9, metricAttributes(operation, started.summary(), errorType, state),
                    started.parent());
        }
    }

    private static boolean isDatabaseOperation(OperationKind kind) {
        return kind == OperationKind.QUERY || kind == OperationKind.BATCH || kind == OperationKind.PREPARE
                || kind == OperationKind.CURSOR_OPEN || kind == OperationKind.CURSOR_FETCH
                || kind == OperationKind.CURSOR_MOVE
                || kind == OperationKind.COPY_IN || kind == OperationKind.COPY_OUT;
    }

    private static Attributes metricAttributes(Operation operation, QuerySummary summary, String errorType, String state) {
        AttributesBuilder attributes = Attributes.builder()
                .put(DbAttributes.DB_SYSTEM_NAME, POSTGRESQL)
                .put(DbAttributes.DB_NAMESPACE, operation.server().database())
                .put(DbAttributes.DB_OPERATION_NAME, summary.operationName())
                .put(DbAttributes.DB_QUERY_SUMMARY, summary.summary())
                .put(ServerAttributes.SERVER_ADDRESS, operation.server().address())
                .put(ServerAttributes.SERVER_PORT, (long) operation.server().port());
        if (summary.collectionName() != null) {
            attributes.put(DbAttributes.DB_COLLECTION_NAME, summary.collectionName());
        }
        if (errorType != null) {
            attributes.put(ErrorAttributes.ERROR_TYPE, errorType);
        }
        if (state != null) {
            attributes.put(DbAttributes.DB_RESPONSE_STATUS_CODE, state);
        }
        return attributes.build();
    }

    /** Configures a {@link PgJetTelemetry}. Not thread-safe. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean queryParameters;
        private boolean traceparentComment;
        private boolean traceparentApplicationName;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Records argument values as {@code db.query.parameter.<n>} span attributes. They may be
         * personal data or secrets: off by default.
         *
         * @param include whether to record them
         * @return this builder
         */
        public Builder setQueryParameters(boolean include) {
            this.queryParameters = include;
            return this;
        }

        /**
         * Sends each query's {@code traceparent} to the server in a SQL comment in front of its
         * text (sqlcommenter form), so server logs and {@code pg_stat_activity} name the trace.
         * Off by default: a commented statement is new text each time, so it is parsed on every
         * execution instead of running from the prepared-statement cache.
         *
         * @param enabled whether to send it
         * @return this builder
         */
        public Builder setTraceparentComment(boolean enabled) {
            this.traceparentComment = enabled;
            return this;
        }

        /**
         * Sets the session's {@code application_name} to each query's {@code traceparent} while
         * it runs, so {@code pg_stat_activity.application_name} (and {@code %a} in server logs)
         * name the trace of the running statement. Off by default: it costs one more statement
         * per query (pipelined in the same round trip, from the statement cache), it replaces
         * the configured application name, and an idle session keeps showing the last value.
         * Statements keep running from the prepared-statement cache (unlike
         * {@link #setTraceparentComment}).
         *
         * @param enabled whether to set it
         * @return this builder
         */
        public Builder setTraceparentApplicationName(boolean enabled) {
            this.traceparentApplicationName = enabled;
            return this;
        }

        /**
         * Creates the listener.
         *
         * @return the listener
         */
        public PgJetTelemetry build() {
            return new PgJetTelemetry(this);
        }
    }
}
