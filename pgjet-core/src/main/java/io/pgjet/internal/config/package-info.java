/**
 * Connection settings the libpq way: parsing of URI and keyword/value connection strings,
 * {@code PG*} environment variables, the password file, and resolution into an
 * {@link io.pgjet.ConnectionConfig}. Internal: may change without notice.
 */
package io.pgjet.internal.config;
