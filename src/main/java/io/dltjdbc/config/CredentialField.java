package io.dltjdbc.config;

/**
 * One credential or connection key of a destination (dlt's names). {@code secret} values are masked
 * everywhere; {@code defaultValue} applies when no provider has the key. A {@code clientSetting} is a
 * key dlt keeps beside the credentials ({@code [destination.bigquery] location}) rather than in them:
 * a whole connection string does not stand for it, so it is still read from every place.
 */
public record CredentialField(String name, boolean required, boolean secret, String defaultValue, String description,
        boolean clientSetting) {

    public static CredentialField required(String name, String description) {
        return new CredentialField(name, true, false, null, description, false);
    }

    public static CredentialField optional(String name, String defaultValue, String description) {
        return new CredentialField(name, false, false, defaultValue, description, false);
    }

    public static CredentialField secret(String name, boolean required, String description) {
        return new CredentialField(name, required, true, null, description, false);
    }

    public static CredentialField clientSetting(String name, String defaultValue, String description) {
        return new CredentialField(name, false, false, defaultValue, description, true);
    }
}
