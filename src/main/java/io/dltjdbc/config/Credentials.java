package io.dltjdbc.config;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A destination's resolved credential fields, each with its origin. Asking for a required field that
 * no place had gives the error SPEC §2 asks for: the field, every place looked, the TOML line to add.
 */
public final class Credentials {
    private final String destination;
    private final Map<String, ConfigValue> values;
    private final Map<String, List<String>> placesLooked;
    private final Map<String, CredentialField> fields;
    private final String secretsFile;

    Credentials(String destination, Map<String, ConfigValue> values, Map<String, List<String>> placesLooked,
            Map<String, CredentialField> fields, String secretsFile) {
        this.destination = destination;
        this.values = values;
        this.placesLooked = placesLooked;
        this.fields = fields;
        this.secretsFile = secretsFile;
    }

    public Optional<String> get(String name) {
        ConfigValue value = values.get(name);
        if (value != null) {
            return Optional.of(value.value());
        }
        CredentialField field = fields.get(name);
        return field == null ? Optional.empty() : Optional.ofNullable(field.defaultValue());
    }

    public Optional<String> origin(String name) {
        ConfigValue value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(value.origin());
    }

    public String require(String name) throws SQLException {
        Optional<String> value = get(name);
        if (value.isPresent()) {
            return value.get();
        }
        throw missing(name);
    }

    public SQLException missing(String name) {
        CredentialField field = fields.get(name);
        String example = field != null && field.secret() ? "\"<your " + name + ">\"" : "\"...\"";
        StringBuilder message = new StringBuilder()
                .append("destination ").append(destination).append(" needs credential '").append(name)
                .append("', but it is not configured (placeholders count as missing). Looked in: ")
                .append(String.join("; ", placesLooked.getOrDefault(name, List.of())))
                .append(". Add it to ").append(secretsFile).append(":\n[destination.").append(destination)
                .append(".credentials]\n").append(name).append(" = ").append(example);
        return DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(message.toString());
    }

    /** Every secret value that is set, so that messages from other drivers can be scrubbed of them. */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : values.entrySet()) {
            CredentialField field = fields.get(entry.getKey());
            if (field != null && field.secret()) {
                secrets.add(entry.getValue().value());
            } else if (entry.getKey().equals(DriverProperties.FIELD)) {
                secrets.addAll(DriverProperties.secretValues(entry.getValue().value()));
            }
        }
        return Collections.unmodifiableList(secrets);
    }

    @Override
    public String toString() {
        return "Credentials[" + destination + ", keys=" + values.keySet() + "]";
    }
}
