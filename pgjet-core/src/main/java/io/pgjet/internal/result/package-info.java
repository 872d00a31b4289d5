/** Result rows and result sets as the engine collects them. Internal API. */
package io.pgjet.internal.result;
