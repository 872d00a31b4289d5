package io.pgjet.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgjet.observe.Operation;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.OperationKind;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Makes a Micrometer {@link Observation} of every PgJet operation: started on the caller's
 * thread (its parent is the caller's current observation), stopped when the answer arrives.
 * Register it on the connection configuration:
 *
 * <pre>{@code
 * ConnectionConfig config = ConnectionConfig.parse(dsn).toBuilder()
 *         .addListener(new PgJetObservationListener(observationRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Key values follow {@link DefaultPgJetObservationConvention}; argument values are never
 * recorded unless {@link #withQueryParameters(boolean)} asks for it. With a no-op registry
 * nothing is created.
 */
public final class PgJetObservationListener implements PgJetListener {
    private final ObservationRegistry registry;
    private final PgJetObservationConvention convention;
    private final boolean includeParameters;
    /**
     * Each open transaction's observation, by its operation: the parent of the statements run in
     * it. Weak keys, so a transaction that never ends (its connection lost) does not stay here.
     */
    private final Map<Operation, Observation> transactions = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Observes into {@code registry} with the default convention and without argument values.
     *
     * @param registry the registry (such as Spring Boot's {@code ObservationRegistry} bean)
     */
    public PgJetObservationListener(ObservationRegistry registry) {
        this(registry, null, false);
    }

    private PgJetObservationListener(ObservationRegistry registry, PgJetObservationConvention convention,
            boolean includeParameters) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
        this.includeParameters = includeParameters;
    }

    /**
     * Returns a listener using {@code convention}. As everywhere in Micrometer, a custom
     * convention wins over a convention registered on the registry's {@code ObservationConfig},
     * which wins over {@link DefaultPgJetObservationConvention}.
     *
     * @param convention the custom convention, or {@code null} for the default
     * @return a new listener
     */
    public PgJetObservationListener withConvention(PgJetObservationConvention convention) {
        return new PgJetObservationListener(registry, convention, includeParameters);
    }

    /**
     * Returns a listener that records argument values as {@code db.query.parameter.<n>} (high
     * cardinality). They may be personal data or secrets: off by default.
     *
     * @param include whether to record them
     * @return a new listener
     */
    public PgJetObservationListener withQueryParameters(boolean include) {
        return new PgJetObservationListener(registry, convention, include);
    }

    @Override
    public Object operationStarted(Operation operation) {
        if (registry.isNoop()) {
            return null;
        }
        PgJetObservationContext context = new PgJetObservationContext(operation, includeParameters);
        Observation observation = Observation.createNotStarted(convention, DefaultPgJetObservationConvention.INSTANCE,
                () -> context, registry);
        // A statement's callbacks run on PgJet's threads, where the transaction's observation is
        // not current: name it as the parent; otherwise the caller's current one is.
        Operation transaction = operation.transaction();
        Observation parent = transaction == null ? null : transactions.get(transaction);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        observation.start();
        if (operation.kind() == OperationKind.TRANSACTION) {
            transactions.put(operation, observation);
        }
        return observation;
    }

    @Override
    public void operationEnded(Operation operation, Object context, Outcome outcome) {
        if (!(context instanceof Observation)) {
            return;
        }
        Observation observation = (Observation) context;
        if (operation.kind() == OperationKind.TRANSACTION) {
            transactions.remove(operation);
        }
        Observation.Context observed = observation.getContext();
        if (observed instanceof PgJetObservationContext) {
            ((PgJetObservationContext) observed).setOutcome(outcome);
        }
        if (outcome.error() != null) {
            observation.error(outcome.error());
        }
        observation.stop();
    }
}
