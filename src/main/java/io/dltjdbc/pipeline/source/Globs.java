package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Glob expansion with Java's glob syntax ({@code *}, {@code ?}, {@code [..]}, <code>{a,b}</code>;
 * {@code **} crosses directories and {@code **}{@code /} also matches zero directories, as in
 * Python's recursive glob). Like Python's glob, names starting with '.' are not matched.
 * Results are regular files sorted by their path (stable order).
 */
final class Globs {
    private Globs() {
    }

    static boolean isGlob(String location) {
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') return true;
        }
        return false;
    }

    static List<Path> expand(String pattern, Path baseDir) throws SQLException {
        String norm = pattern.replace('\\', '/');
        String[] parts = norm.split("/", -1);
        int firstGlob = 0;
        while (firstGlob < parts.length && !isGlob(parts[firstGlob])) firstGlob++;
        String fixed = String.join("/", java.util.Arrays.copyOfRange(parts, 0, firstGlob));
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, firstGlob, parts.length));
        Path root;
        if (norm.startsWith("/")) {
            root = Path.of(fixed.isEmpty() ? "/" : fixed);
        } else {
            root = fixed.isEmpty() ? baseDir : baseDir.resolve(fixed);
        }
        root = root.toAbsolutePath().normalize();
        Path lookedIn = root;
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        if (rest.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
        }
        boolean recursive = rest.contains("**");
        int depth = recursive ? Integer.MAX_VALUE : parts.length - firstGlob;
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            if (!Files.isReadable(root)) {
                throw DltSqlState.IO_ERROR.exception("permission denied: cannot list directory " + root);
            }
            final Path r = root;
            try (Stream<Path> walk = Files.walk(root, depth)) {
                found = walk.filter(p -> !p.equals(r))
                        .filter(p -> !hidden(r.relativize(p)))
                        .filter(Files::isRegularFile)
                        .filter(p -> matchers.stream().anyMatch(m -> m.matches(r.relativize(p))))
                        .sorted(Comparator.comparing(p -> r.relativize(p).toString().replace('\\', '/')))
                        .collect(Collectors.toList());
            } catch (UncheckedIOException e) {
                throw walkError(e.getCause());
            } catch (IOException e) {
                throw walkError(e);
            }
        }
        if (found.isEmpty()) {
            throw DltSqlState.UNDEFINED_FILE.exception("no file matches '" + pattern + "' (looked in " + lookedIn + ")");
        }
        return found;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static SQLException walkError(IOException e) {
        if (e instanceof AccessDeniedException) {
            return DltSqlState.IO_ERROR.exception("permission denied: cannot list directory " + e.getMessage(), e);
        }
        return DltSqlState.IO_ERROR.exception("cannot list files: " + e, e);
    }
}
