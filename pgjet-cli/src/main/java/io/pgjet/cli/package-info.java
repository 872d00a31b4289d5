/** Placeholder: see README. */
package io.pgjet.cli;
