package io.pgjet;

import java.time.Duration;

/**
 * What a query logger hears about one finished request.
 *
 * @param sql the SQL text
 * @param argumentCount the number of bound arguments (for a batch: parameter sets)
 * @param duration from the call to its completion, including queueing behind earlier requests
 * @param rowCount rows returned or affected, or -1 when unknown or when it failed
 * @param error the failure, or null when it succeeded
 */
public record QueryRecord(String sql, int argumentCount, Duration duration, long rowCount, Throwable error) {}
