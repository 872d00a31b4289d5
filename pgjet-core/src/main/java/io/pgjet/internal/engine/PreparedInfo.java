package io.pgjet.internal.engine;

import io.pgjet.internal.result.Columns;

/**
 * A statement prepared on the server: its name, the parameter types the server chose, and the
 * result columns (null when it returns no rows).
 *
 * @param name the statement name ("" for the unnamed statement)
 * @param sql the SQL text
 * @param parameterTypes the parameter type OIDs from ParameterDescription
 * @param columns the result columns, or null for NoData
 */
public record PreparedInfo(String name, String sql, int[] parameterTypes, Columns columns) {}
