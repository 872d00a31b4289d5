/** Placeholder: see README. */
package io.pgjet.bench;
