package io.dltjdbc.destination.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads dlt's credential fields out of a Google service-account key (the JSON of a key file). The JSON
 * holds a private key: nothing here ever puts its text, or the parser's message (which may quote it), in
 * an exception.
 */
final class ServiceAccountJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** dlt's GcpServiceAccountCredentials fields, named as in the key file. */
    private static final String[] FIELDS = {"project_id", "private_key", "client_email"};

    private ServiceAccountJson() {
    }

    /** The fields the JSON has; an {@code IllegalArgumentException} without the text when it is not a JSON object. */
    static Map<String, String> fields(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON (expected the contents of a service-account key file)");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object (expected the contents of a service-account key file)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                fields.put(field, value.asText());
            }
        }
        return fields;
    }

    /** The {@code project_id} of a key file, or empty when the file (an authorized-user file, say) has none. */
    static Optional<String> projectId(Path file) throws SQLException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw DltSqlState.UNDEFINED_FILE.exception("credential 'credentials_file' of destination bigquery names a file "
                    + "that does not exist: " + file);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read the credentials_file of destination bigquery (" + file + "): "
                    + e.getClass().getSimpleName());
        }
        try {
            return Optional.ofNullable(fields(text).get("project_id"));
        } catch (IllegalArgumentException e) {
            throw DltSqlState.INVALID_AUTHORIZATION.exception("credential 'credentials_file' of destination bigquery ("
                    + file + ") is not a valid Google credentials JSON file");
        }
    }
}
