/** Placeholder: see README. */
package io.pgjet.testkit;
