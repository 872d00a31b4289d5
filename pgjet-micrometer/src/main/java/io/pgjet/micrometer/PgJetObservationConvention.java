package io.pgjet.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of PgJet's observations. Implement it (or extend
 * {@link DefaultPgJetObservationConvention}) to change them, and pass it to
 * {@link PgJetObservationListener#withConvention}.
 */
public interface PgJetObservationConvention extends ObservationConvention<PgJetObservationContext> {

    /**
     * Supports PgJet's contexts.
     *
     * @param context a context
     * @return {@code true} for a {@link PgJetObservationContext}
     */
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof PgJetObservationContext;
    }
}
