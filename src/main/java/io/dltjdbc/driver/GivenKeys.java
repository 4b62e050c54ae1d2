package io.dltjdbc.driver;

import io.dltjdbc.config.CredentialField;
import io.dltjdbc.config.DltProperty;
import io.dltjdbc.config.DriverProperties;
import io.dltjdbc.destination.DestinationFactory;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sorts the keys one place of the connection gave (the URL query or JDBC Properties; SPEC §1: both mean the
 * same) into the destination's credential fields and, for the URL query of a connection-string location, the
 * vendor driver's properties. dlt's own keys ({@code dataset}, {@code pipeline} ...) are read elsewhere and
 * skipped here; anything else is an error that lists the valid keys.
 * <p>
 * {@code user} and {@code password} are what JDBC tools send from their login fields: {@code user} means
 * {@code username} (which wins when both are given), and for a destination without these fields (duckdb,
 * bigquery) they are ignored. A tool sends them empty when its fields are blank, so empty means not given.
 */
final class GivenKeys {
    private static final Set<String> TOOL_KEYS = Set.of("user", "password");

    private final DestinationFactory factory;
    private final Set<String> fieldNames = new TreeSet<>();

    GivenKeys(DestinationFactory factory) {
        this.factory = factory;
        for (CredentialField field : factory.credentialFields()) {
            fieldNames.add(field.name());
        }
    }

    /**
     * @param where "URL query" or "JDBC Properties", for messages
     * @param vendorProperties where keys of the vendor driver go, or null when this place can't have them
     * @return the credential fields, by dlt's names
     */
    Map<String, String> fields(Map<String, String> given, String where, Map<String, String> vendorProperties) throws SQLException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (DltProperty.byKey(key) != null || (TOOL_KEYS.contains(key) && (value == null || value.isEmpty()))) {
                continue;
            }
            if (key.equals("user") && fieldNames.contains("username")) {
                fields.putIfAbsent("username", value);
            } else if (fieldNames.contains(key)) {
                fields.put(key, value); // an explicit username replaces what user gave
            } else if (vendorProperties != null && fieldNames.contains(DriverProperties.FIELD)) {
                vendorProperties.put(key, value);
            } else if (!TOOL_KEYS.contains(key)) {
                throw unknown(key, where);
            }
        }
        return fields;
    }

    private SQLException unknown(String key, String where) {
        Set<String> valid = new TreeSet<>(fieldNames);
        for (DltProperty property : DltProperty.values()) {
            valid.add(property.key());
        }
        String vendorHint = fieldNames.contains(DriverProperties.FIELD)
                ? " (a property of the " + factory.name() + " JDBC driver goes in driver_properties=key=value;key=value, or in"
                        + " the query of a connection string such as jdbc:dlt:" + factory.name() + "://user@host/database?"
                        + key + "=...)"
                : "";
        return DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("unknown " + where + " key '" + key + "' for destination "
                + factory.name() + "; valid keys: " + String.join(", ", valid) + vendorHint);
    }
}
