package io.dltjdbc.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** What a command talks to: its streams and the directory it was started in. */
record Console(InputStream in, PrintStream out, PrintStream err, Path workDir) {

    Path resolve(String path) {
        return workDir.resolve(path).toAbsolutePath().normalize();
    }
}
