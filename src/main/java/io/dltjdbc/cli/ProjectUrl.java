package io.dltjdbc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The connection URL of {@code run} and {@code sql}: {@code --url} when given, else built from the
 * {@code [dlt_jdbc]} section that {@code init} writes to {@code .dlt/config.toml}:
 * {@code jdbc:dlt:<destination>:?pipeline=<pipeline>&dataset=<dataset>&project_dir=<dir>}. Credentials
 * are not put in the URL; the driver finds them in {@code .dlt/secrets.toml}.
 */
final class ProjectUrl {
    static final String SECTION = "dlt_jdbc";

    private ProjectUrl() {
    }

    static String resolve(String urlOption, Path projectDir) throws Args.UsageException, IOException {
        if (urlOption != null) {
            return urlOption;
        }
        Path config = projectDir.resolve(".dlt").resolve("config.toml");
        if (!Files.isRegularFile(config)) {
            throw new Args.UsageException("no --url given and no " + config
                    + "; run `dlt-jdbc init chess duckdb` there, or pass --url jdbc:dlt:<destination>:...");
        }
        TomlParseResult toml = Toml.parse(config);
        if (toml.hasErrors()) {
            throw new IOException(config + ": " + toml.errors().get(0));
        }
        TomlTable section = toml.getTable(SECTION);
        String destination = section == null ? null : text(section, "destination");
        if (destination == null || destination.isBlank()) {
            throw new Args.UsageException("no --url given and " + config + " has no [" + SECTION
                    + "] destination = \"...\"; add it (e.g. destination = \"duckdb\") or pass --url jdbc:dlt:<destination>:...");
        }
        StringBuilder url = new StringBuilder("jdbc:dlt:").append(destination.trim()).append(':');
        char separator = '?';
        for (String key : new String[] {"pipeline", "dataset"}) {
            String value = text(section, key);
            if (value != null && !value.isBlank()) {
                url.append(separator).append(key).append('=').append(encode(value.trim()));
                separator = '&';
            }
        }
        url.append(separator).append("project_dir=").append(encode(projectDir.toAbsolutePath().normalize().toString()));
        return url.toString();
    }

    private static String text(TomlTable table, String key) {
        Object value = table.get(key);
        return value == null ? null : value.toString();
    }

    /** Percent-encodes what the URL's query split or decoding would change; keeps paths readable. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "%&+=#?".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
