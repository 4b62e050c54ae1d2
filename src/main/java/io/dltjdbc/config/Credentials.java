package io.dltjdbc.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A destination's resolved credential fields, each with its origin. Asking for a required field that
 * no place had gives the error SPEC §2 asks for, naming every required field that is missing at once
 * (a fresh {@code dlt-jdbc init} project needs one round of fixing, not one per field).
 */
public final class Credentials {
    private final String destination;
    private final Map<String, CredentialField> fields = new LinkedHashMap<>();
    private final Map<String, ConfigValue> values;
    private final Map<String, Placeholders.At> placeholders;
    private final Map<String, String> closedBy;
    private final MissingCredentialsMessage message;

    /**
     * @param placeholders for fields without a value: where a placeholder stands in for it
     * @param closedBy for fields without a value: the connection string after which no place was read
     */
    Credentials(String destination, List<CredentialField> fields, Map<String, ConfigValue> values,
            Map<String, Placeholders.At> placeholders, Map<String, String> closedBy, MissingCredentialsMessage message) {
        this.destination = destination;
        fields.forEach(field -> this.fields.put(field.name(), field));
        this.values = values;
        this.placeholders = placeholders;
        this.closedBy = closedBy;
        this.message = message;
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

    /** The error for {@code name} missing, which also names every other required field that is missing. */
    public SQLException missing(String name) {
        List<CredentialField> missing = new ArrayList<>();
        for (CredentialField field : fields.values()) {
            if (field.name().equals(name) || (field.required() && get(field.name()).isEmpty())) {
                missing.add(field);
            }
        }
        if (!fields.containsKey(name)) {
            missing.add(0, CredentialField.required(name, name));
        }
        return message.exception(missing, placeholders, closedBy);
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
