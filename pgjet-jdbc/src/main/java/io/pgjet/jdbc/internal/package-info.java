/**
 * The JDBC driver's implementation: the {@code java.sql} interfaces over PgJet's public API. Not
 * an API: everything here may change without notice.
 */
package io.pgjet.jdbc.internal;
