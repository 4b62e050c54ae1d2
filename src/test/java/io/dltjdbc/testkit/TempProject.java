package io.dltjdbc.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project directory with a {@code .dlt/} folder, for tests that exercise configuration files. */
public final class TempProject {
    private final Path dir;

    public TempProject(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path path(String relative) {
        return dir.resolve(relative);
    }

    public TempProject secrets(String toml) {
        return write(".dlt/secrets.toml", toml);
    }

    public TempProject config(String toml) {
        return write(".dlt/config.toml", toml);
    }

    public TempProject write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code jdbc:dlt:} URL for this project: {@code project_dir} appended to the given URL. */
    public String url(String url) {
        return url + (url.contains("?") ? "&" : "?") + "project_dir=" + dir;
    }
}
