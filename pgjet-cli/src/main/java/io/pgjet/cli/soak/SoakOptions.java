package io.pgjet.cli.soak;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a soak run does.
 *
 * @param duration the time bound of the whole run; split evenly between the transports run in turn
 * @param operations the count bound per transport (whichever bound comes first ends a transport's run)
 * @param workers the worker threads per transport
 * @param transports the transports to soak, in this order
 * @param progressEvery how often a progress line is printed
 */
public record SoakOptions(Duration duration, long operations, int workers, List<SoakTransport> transports,
        Duration progressEvery) {
    /** The default worker count. */
    public static final int DEFAULT_WORKERS = 6;

    /**
     * Checks the values.
     *
     * @param duration the time bound of the whole run
     * @param operations the count bound per transport
     * @param workers the worker threads per transport
     * @param transports the transports to soak
     * @param progressEvery how often a progress line is printed
     * @throws IllegalArgumentException if a bound is not positive or no transport is given
     */
    public SoakOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(progressEvery, "progressEvery");
        transports = List.copyOf(transports);
        if (duration.isNegative() || duration.isZero() || operations <= 0 || workers <= 0 || transports.isEmpty()) {
            throw new IllegalArgumentException("the duration, operations and workers must be positive and a transport given");
        }
    }

    /** {@return the time bound of one transport's run} */
    Duration perTransport() {
        return duration.dividedBy(transports.size());
    }
}
