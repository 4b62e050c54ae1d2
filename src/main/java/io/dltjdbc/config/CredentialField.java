package io.dltjdbc.config;

/**
 * One credential or connection key of a destination (dlt's names). {@code secret} values are masked
 * everywhere; {@code defaultValue} applies when no provider has the key.
 */
public record CredentialField(String name, boolean required, boolean secret, String defaultValue, String description) {

    public static CredentialField required(String name, String description) {
        return new CredentialField(name, true, false, null, description);
    }

    public static CredentialField optional(String name, String defaultValue, String description) {
        return new CredentialField(name, false, false, defaultValue, description);
    }

    public static CredentialField secret(String name, boolean required, String description) {
        return new CredentialField(name, required, true, null, description);
    }
}
