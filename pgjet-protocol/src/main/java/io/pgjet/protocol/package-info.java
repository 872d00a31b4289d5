/** Placeholder: see README. */
package io.pgjet.protocol;
