package io.dltjdbc.destination.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import io.dltjdbc.config.CredentialField;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.DestinationSettings;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BigQuery through google-cloud-bigquery. Credentials are dlt's ({@code project_id, private_key,
 * client_email, location}, or {@code credentials_file}). Which Google credentials are used:
 * <ol>
 * <li>{@code private_key} (with {@code client_email}): a service account built from the PKCS#8 key;</li>
 * <li>else {@code credentials_file}: a service-account (or other) JSON key file;</li>
 * <li>else, when {@code endpoint} is set (a test server or emulator): no credentials at all;</li>
 * <li>else Application Default Credentials, looked up lazily at the first API call (never at connect).</li>
 * </ol>
 * As in dlt, the credentials can also be one service-account JSON, the contents of the key file, given as
 * {@code destination.bigquery.credentials} (or {@code DESTINATION__BIGQUERY__CREDENTIALS}); it gives
 * {@code project_id}, {@code private_key} and {@code client_email}. When {@code project_id} is not configured,
 * it is read from the {@code credentials_file} JSON, as dlt does.
 */
public final class BigQueryDestinationFactory implements DestinationFactory {
    static final String SCOPE = "https://www.googleapis.com/auth/bigquery";

    @Override
    public String name() {
        return "bigquery";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.required("project_id", "Google Cloud project id"),
                CredentialField.secret("private_key", false, "service account private key (PEM)"),
                CredentialField.optional("client_email", null, "service account e-mail"),
                CredentialField.clientSetting("location", "US", "dataset location"),
                CredentialField.optional("credentials_file", null, "path of a service-account JSON file"),
                CredentialField.optional("endpoint", null, "BigQuery API root URL (tests, emulators)"));
    }

    /**
     * The URL location of {@code jdbc:dlt:bigquery:<project_id>} is the project id; a whole credentials value
     * starting with '{' is a service-account JSON.
     */
    @Override
    public Map<String, String> parseConnectionString(String text) {
        if (text.trim().startsWith("{")) {
            return ServiceAccountJson.fields(text);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String project = text.startsWith("bigquery://") ? text.substring("bigquery://".length()) : text;
        if (!project.isEmpty()) {
            fields.put("project_id", project);
        }
        return fields;
    }

    @Override
    public int maxIdentifierLength() {
        return 300;
    }

    @Override
    public Destination open(DestinationSettings settings) throws SQLException {
        io.dltjdbc.config.Credentials credentials = settings.credentials();
        String project = project(credentials);
        String location = credentials.get("location").filter(s -> !s.isBlank()).orElse("US");
        Optional<String> endpoint = credentials.get("endpoint").filter(s -> !s.isBlank());
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(project).setLocation(location);
        if (settings.credentialsObject() instanceof Credentials given) {
            options.setCredentials(given);
        } else {
            options.setCredentials(credentials(credentials, endpoint.isPresent()));
        }
        if (endpoint.isPresent()) {
            options.setHost(stripSlash(endpoint.get()));
            options.setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build());
        }
        BigQuery client;
        try {
            client = options.build().getService();
        } catch (RuntimeException e) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot create the BigQuery client for project '" + project
                    + "': " + e.getMessage(), e);
        }
        return new BigQueryDestination(client, project, location, settings.dataset());
    }

    /** The configured project, else the one in the {@code credentials_file} JSON (dlt reads it from there too). */
    private static String project(io.dltjdbc.config.Credentials credentials) throws SQLException {
        Optional<String> configured = credentials.get("project_id").filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<String> file = credentials.get("credentials_file").filter(s -> !s.isBlank());
        if (file.isPresent()) {
            Optional<String> fromFile = ServiceAccountJson.projectId(Path.of(file.get()));
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return credentials.require("project_id");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Credentials credentials(io.dltjdbc.config.Credentials credentials, boolean hasEndpoint) throws SQLException {
        Optional<String> privateKey = credentials.get("private_key").filter(s -> !s.isBlank());
        if (privateKey.isPresent()) {
            String email = credentials.require("client_email");
            try {
                return ServiceAccountCredentials.fromPkcs8(null, email, privateKey.get().replace("\\n", "\n"), null, List.of(SCOPE));
            } catch (IOException | RuntimeException e) {
                // never the key or the library's message: both may quote it
                throw DltSqlState.INVALID_AUTHORIZATION.exception("credential 'private_key' of destination bigquery is not a valid "
                        + "PKCS#8 PEM private key (expected -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY----- as in the "
                        + "service-account JSON file)");
            }
        }
        Optional<String> file = credentials.get("credentials_file").filter(s -> !s.isBlank());
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try (InputStream in = Files.newInputStream(path)) {
                return GoogleCredentials.fromStream(in).createScoped(List.of(SCOPE));
            } catch (NoSuchFileException e) {
                throw DltSqlState.UNDEFINED_FILE.exception("credential 'credentials_file' of destination bigquery names a file "
                        + "that does not exist: " + path);
            } catch (IOException | RuntimeException e) {
                throw DltSqlState.INVALID_AUTHORIZATION.exception("credential 'credentials_file' of destination bigquery ("
                        + path + ") is not a valid Google credentials JSON file");
            }
        }
        if (hasEndpoint) {
            return NoCredentials.getInstance();
        }
        return new LazyDefaultCredentials();
    }
}
