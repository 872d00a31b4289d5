package io.pgjet.micrometer;

import io.micrometer.observation.Observation;
import io.pgjet.observe.Operation;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.QuerySummary;

/**
 * What a PgJet observation knows: the operation from its start and, once it ended, its outcome.
 * Conventions read it to name the observation and its key values.
 */
public class PgJetObservationContext extends Observation.Context {
    private final Operation operation;
    private final QuerySummary summary;
    private final boolean includeParameters;
    private volatile Outcome outcome;

    /**
     * Creates the context of one operation.
     *
     * @param operation the operation
     * @param includeParameters whether the convention may record argument values
     */
    public PgJetObservationContext(Operation operation, boolean includeParameters) {
        this.operation = operation;
        this.summary = QuerySummary.of(operation);
        this.includeParameters = includeParameters;
    }

    /**
     * Returns the observed operation.
     *
     * @return the operation
     */
    public Operation getOperation() {
        return operation;
    }

    /**
     * Returns the operation's summary (operation name, table).
     *
     * @return the summary
     */
    public QuerySummary getSummary() {
        return summary;
    }

    /**
     * Returns whether argument values may be recorded (off unless the listener was asked to).
     *
     * @return {@code true} if they may
     */
    public boolean isIncludeParameters() {
        return includeParameters;
    }

    /**
     * Returns how the operation ended.
     *
     * @return the outcome, or {@code null} while it runs
     */
    public Outcome getOutcome() {
        return outcome;
    }

    /**
     * Records how the operation ended; called by the listener before it stops the observation.
     *
     * @param outcome the outcome
     */
    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
