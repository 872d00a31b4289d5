package io.pgjet.internal.result;

import io.pgjet.CommandStatus;
import io.pgjet.Row;
import java.util.List;

/**
 * What one statement produced: its rows (empty when it returned none) and its command status
 * (null for an empty query or a portal suspended at its row limit).
 *
 * @param rows the rows in arrival order
 * @param status the CommandComplete tag, or null
 * @param suspended whether Execute stopped at its row limit with more rows left (PortalSuspended)
 * @param transactionStatus the transaction status of the ReadyForQuery that ended the statement
 *     ('I' idle, 'T' in a transaction block, 'E' in a failed one), 0 when not known
 */
public record StatementResult(List<Row> rows, CommandStatus status, boolean suspended, byte transactionStatus) {}
