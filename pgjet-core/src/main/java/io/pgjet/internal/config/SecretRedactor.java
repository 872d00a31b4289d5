package io.pgjet.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Quotes option values for error messages unless they could reveal a secret.
 *
 * <p>A value is withheld when it contains a secret or is part of one: a bad port such as
 * {@code 54x2} is not shown if the password is {@code 4x2} or {@code 54x2abc}. Immutable.
 */
final class SecretRedactor {

    /** Says why a value is missing from a message. */
    static final String WITHHELD = "(value not shown: it overlaps the password)";

    private final List<String> secrets;

    /**
     * Creates a redactor for the given secret values.
     *
     * @param secrets the secrets; {@code null} and empty entries are skipped
     */
    public SecretRedactor(List<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                kept.add(secret);
            }
        }
        this.secrets = List.copyOf(kept);
    }

    /**
     * Tells whether a value must not appear in messages.
     *
     * @param value a value to show
     * @return {@code true} if it overlaps a secret
     */
    public boolean isSensitive(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (String secret : secrets) {
            if (value.contains(secret) || secret.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a text contains any of the secrets.
     *
     * @param text a message
     * @return {@code true} if showing it would reveal a secret
     */
    public boolean revealsSecret(String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds a message {@code <prefix> "<value>"<rest>}, or {@code <prefix><rest> (value not
     * shown: ...)} when the value is sensitive.
     *
     * @param prefix the start of the message, such as {@code "invalid port"}
     * @param value  the offending value
     * @param rest   the end of the message, such as {@code " in connection string"}
     * @return the message
     */
    public String message(String prefix, String value, String rest) {
        if (isSensitive(value)) {
            return prefix + rest + " " + WITHHELD;
        }
        return prefix + " \"" + value + "\"" + rest;
    }
}
