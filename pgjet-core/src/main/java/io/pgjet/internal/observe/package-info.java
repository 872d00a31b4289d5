/**
 * Internal: how PgJet calls {@link io.pgjet.observe.PgJetListener}s (combining several,
 * wrapping a request's future, shielding PgJet from a listener that throws). May change without
 * notice.
 */
package io.pgjet.internal.observe;
