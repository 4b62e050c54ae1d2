package io.dltjdbc.config;

import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * One {@code secrets.toml} or {@code config.toml}. The file is read lazily, once: a project without
 * the file is normal; a file that exists but can't be read or parsed is an error naming it and the line.
 * A {@code secrets.toml} readable by every user is read all the same, with a one-time WARNING (chmod 600).
 */
public final class TomlFileProvider implements ConfigProvider {
    private static final Logger LOG = Logger.getLogger(TomlFileProvider.class.getName());
    /** Secrets files already warned about in this JVM. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();
    private final Path file;
    private TomlParseResult parsed;
    private List<String> lines;
    private boolean loaded;

    public TomlFileProvider(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<ConfigValue> get(List<String> path) throws SQLException {
        TomlParseResult toml = load();
        Object value = toml == null ? null : toml.get(path);
        if (value == null || value instanceof TomlTable || markedForSetup(toml, path)) {
            // `password = "password" # please set me up!` is dlt init's placeholder, not a value
            return Optional.empty();
        }
        String text = value instanceof String s ? s : String.valueOf(value);
        return Optional.of(new ConfigValue(text, file + " " + String.join(".", path)));
    }

    @Override
    public String spelling(List<String> path) {
        List<String> section = path.subList(0, path.size() - 1);
        String key = path.get(path.size() - 1);
        return section.isEmpty() ? key : "[" + String.join(".", section) + "] " + key;
    }

    @Override
    public String place() {
        return file.toString();
    }

    @Override
    public String describe(List<String> path) {
        return file + " " + spelling(path);
    }

    @Override
    public Optional<Placeholders.At> placeholderAt(List<String> path) throws SQLException {
        TomlParseResult toml = load();
        Object value = toml == null ? null : toml.get(path);
        if (value == null || value instanceof TomlTable) {
            return Optional.empty();
        }
        boolean placeholder = markedForSetup(toml, path) || (value instanceof String s && Placeholders.isPlaceholder(s));
        org.tomlj.TomlPosition position = toml.inputPositionOf(path);
        return placeholder && position != null
                ? Optional.of(new Placeholders.At(file.toString(), position.line())) : Optional.empty();
    }

    /** TOML drops comments, so the "please set me up" mark of dlt init's templates is read from the key's line. */
    private boolean markedForSetup(TomlParseResult toml, List<String> path) {
        org.tomlj.TomlPosition position = toml.inputPositionOf(path);
        if (position == null || lines == null || position.line() > lines.size()) {
            return false;
        }
        String line = lines.get(position.line() - 1);
        int comment = line.lastIndexOf('#');
        return comment >= 0 && Placeholders.isPlaceholder(line.substring(comment + 1));
    }

    /**
     * A secrets file that every local user can read gets one WARNING per file per JVM. Only on POSIX file
     * systems (elsewhere there is nothing to check, silently), only for files named {@code secrets.toml}.
     */
    static void warnIfWorldReadable(Path file) {
        if (!file.getFileName().toString().equals("secrets.toml")) {
            return;
        }
        Path key = file.toAbsolutePath().normalize();
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(key);
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            return;
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ) && WARNED.add(key)) {
            LOG.log(Level.WARNING, "{0} holds secrets and is readable by every user of this machine ({1}); restrict it"
                    + " with: chmod 600 {0}", new Object[] {key, PosixFilePermissions.toString(permissions)});
        }
    }

    private synchronized TomlParseResult load() throws SQLException {
        if (loaded) {
            return parsed;
        }
        loaded = true;
        if (!Files.exists(file)) {
            return null;
        }
        warnIfWorldReadable(file);
        try {
            String text = Files.readString(file);
            lines = text.lines().toList();
            parsed = Toml.parse(text);
        } catch (AccessDeniedException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (parsed.hasErrors()) {
            TomlParseError first = parsed.errors().get(0);
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("malformed TOML in " + file + " at line "
                    + first.position().line() + ", column " + first.position().column() + ": " + first.getMessage());
        }
        return parsed;
    }
}
