package io.dltjdbc.cli;

import io.dltjdbc.config.CredentialField;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.pipeline.source.chess.SampleChessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The files {@code init} writes, as text. {@code secrets.toml} follows {@code dlt init}: required and
 * secret credential keys get a placeholder marked {@code # please set me up!}, keys with a default
 * get the default, and the keys dlt-jdbc adds beyond dlt's ({@code credentials_file}, {@code endpoint})
 * are left out.
 */
public final class ProjectTemplates {
    public static final List<String> SOURCES = List.of("chess");
    public static final String PLACEHOLDER_COMMENT = " # please set me up!";

    static final String SECRETS_HEADER =
            "# put your secret values and credentials here. do not share this file and do not push it to github\n";
    /** Optional keys without a default that {@code dlt init} still asks for. */
    private static final Map<String, Set<String>> ASKED_KEYS = Map.of("bigquery", Set.of("client_email"));

    private final String source;
    private final DestinationFactory destination;
    private final boolean offline;

    public ProjectTemplates(String source, DestinationFactory destination, boolean offline) {
        this.source = source;
        this.destination = destination;
        this.offline = offline;
    }

    public String pipeline() {
        return source + "_pipeline";
    }

    /** dlt's chess example loads into {@code chess_players_games_data}. */
    public String dataset() {
        return source + "_players_games_data";
    }

    /** The files to write, relative path to text, in writing order. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".dlt/config.toml", configToml());
        files.put(".dlt/secrets.toml", secretsToml());
        files.put(source + ".sql", fill(template("chess.sql.template")));
        files.put("README.md", fill(template("README.md.template")));
        return files;
    }

    String configToml() {
        return fill(template("config.toml.template"));
    }

    public String secretsToml() {
        String name = destination.name();
        Set<String> asked = ASKED_KEYS.getOrDefault(name, Set.of());
        StringBuilder client = new StringBuilder();
        StringBuilder credentials = new StringBuilder();
        for (CredentialField field : destination.credentialFields()) {
            // client settings live in [destination.<name>], as dlt keeps them, not among the credentials
            StringBuilder target = field.clientSetting() ? client : credentials;
            if (field.required() || field.secret() || asked.contains(field.name())) {
                target.append(field.name()).append(" = ").append(quote(field.name())).append(PLACEHOLDER_COMMENT).append('\n');
            } else if (field.defaultValue() != null) {
                target.append(field.name()).append(" = ").append(literal(field.defaultValue())).append('\n');
            }
        }
        StringBuilder out = new StringBuilder(SECRETS_HEADER);
        if (client.length() > 0) {
            out.append("\n[destination.").append(name).append("]\n").append(client);
        }
        if (credentials.length() > 0) {
            out.append("\n[destination.").append(name).append(".credentials]\n").append(credentials);
        } else {
            out.append('\n').append(optionalOnly());
        }
        return out.toString();
    }

    /** For a destination that needs nothing (duckdb): its optional keys, commented out. */
    private String optionalOnly() {
        StringBuilder out = new StringBuilder("# ").append(destination.name())
                .append(" needs no credentials; to choose the database file, uncomment:\n");
        out.append("# [destination.").append(destination.name()).append(".credentials]\n");
        for (CredentialField field : destination.credentialFields()) {
            String example = field.name().equals("database") ? pipeline() + "." + destination.name() : field.name();
            out.append("# ").append(field.name()).append(" = ").append(quote(example))
                    .append(" # ").append(field.description()).append('\n');
        }
        return out.toString();
    }

    private String fill(String template) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", source);
        values.put("destination", destination.name());
        values.put("pipeline", pipeline());
        values.put("dataset", dataset());
        values.put("players", SampleChessApi.DEFAULT_PLAYERS.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")));
        values.put("start_month", SampleChessApi.DEFAULT_START_MONTH);
        values.put("end_month", SampleChessApi.DEFAULT_END_MONTH);
        values.put("api_url_line", offline
                ? "# \"sample\": recorded chess.com answers shipped in dlt-jdbc (no internet needed); remove to call the live API\n"
                        + "api_url = \"" + SampleChessApi.API_URL + "\""
                : "# api_url = \"" + SampleChessApi.API_URL
                        + "\" # uncomment to read recorded chess.com answers shipped in dlt-jdbc (no internet needed)");
        values.put("offline_state", offline ? "this project has it." : "this project calls the live API.");
        values.put("secrets_step", secretsToml().contains(PLACEHOLDER_COMMENT)
                ? "Fill in `.dlt/secrets.toml`: every value marked `# please set me up!`."
                : "Nothing to fill in: " + destination.name() + " needs no credentials (the data goes to `"
                        + pipeline() + "." + destination.name() + "` in this directory).");
        String text = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text = text.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return text;
    }

    private static String template(String name) {
        try (InputStream in = ProjectTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template io/dltjdbc/cli/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String value) {
        return value.matches("-?\\d+") ? value : quote(value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
