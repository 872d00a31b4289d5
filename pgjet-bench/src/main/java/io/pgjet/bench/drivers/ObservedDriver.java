package io.pgjet.bench.drivers;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.pgjet.micrometer.PgJetObservationListener;
import io.pgjet.observe.PgJetListener;

/** The listener of the pgjet-observed contestant: real observations, a handler that does nothing with them. */
public final class ObservedDriver {
    private ObservedDriver() {
    }

    /**
     * Returns a listener creating a Micrometer observation per request on a registry whose only
     * handler ignores them (a no-op registry would skip the observations altogether).
     */
    public static PgJetListener noopObservations() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return new PgJetObservationListener(registry);
    }
}
