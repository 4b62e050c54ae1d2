package io.dltjdbc.cli;

import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.Destinations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code init <source> <destination>}: writes a project ({@code .dlt/}, a script, a README). */
final class InitCommand {
    static final String USAGE = "init <source> <destination> [--offline] [--force] [--dir D]";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String SECRETS = ".dlt/secrets.toml";

    private InitCommand() {
    }

    static int run(List<String> argv, Console console) throws Args.UsageException, IOException {
        Args args = Args.parse(argv, Set.of("force", "offline"), Set.of("dir"), 2, 2);
        String source = args.positional(0);
        if (!ProjectTemplates.SOURCES.contains(source)) {
            throw new Args.UsageException("unknown source '" + source + "'; valid sources: "
                    + String.join(", ", ProjectTemplates.SOURCES));
        }
        DestinationFactory destination = destination(args.positional(1));
        Path dir = console.resolve(args.option("dir") == null ? "." : args.option("dir"));
        ProjectTemplates templates = new ProjectTemplates(source, destination, args.flag("offline"));
        Map<String, String> files = templates.files();

        List<String> existing = new ArrayList<>();
        for (String name : files.keySet()) {
            if (Files.exists(dir.resolve(name))) {
                existing.add(name);
            }
        }
        if (!existing.isEmpty() && !args.flag("force")) {
            console.err().println("error: " + dir + " already has " + String.join(", ", existing)
                    + "; nothing was written (use --force to overwrite)");
            return 1;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(dir.resolve(file.getKey()), file.getValue(), file.getKey().equals(SECRETS));
        }

        console.out().println("Created a " + source + " -> " + destination.name() + " project in " + dir + ":");
        for (String name : files.keySet()) {
            console.out().println("  " + name + (name.equals(SECRETS) ? "   (owner-only; do not commit)" : ""));
        }
        if (secretsNeeded(templates)) {
            console.out().println("Next: fill in the values marked \"please set me up!\" in " + SECRETS + ", then:");
        } else {
            console.out().println("Next:");
        }
        boolean here = dir.equals(console.workDir().toAbsolutePath().normalize());
        console.out().println("  " + (here ? "" : "cd " + dir + " && ") + "dlt-jdbc run " + source + ".sql");
        if (!args.flag("offline")) {
            console.out().println("(the source calls api.chess.com; init with --offline to use recorded answers without internet)");
        }
        return 0;
    }

    private static boolean secretsNeeded(ProjectTemplates templates) {
        return templates.secretsToml().contains(ProjectTemplates.PLACEHOLDER_COMMENT);
    }

    private static DestinationFactory destination(String name) throws Args.UsageException {
        for (DestinationFactory factory : Destinations.all()) {
            if (factory.name().equals(name)) {
                return factory;
            }
        }
        throw new Args.UsageException("unknown destination '" + name + "'; valid destinations: "
                + String.join(", ", Destinations.names()));
    }

    /** Writes a file; a secret one is owner-only from its creation on (POSIX file systems). */
    private static void write(Path file, String text, boolean secret) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (secret && posix) {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
