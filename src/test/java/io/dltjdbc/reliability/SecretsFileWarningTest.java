package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A world-readable {@code .dlt/secrets.toml} gets one java.util.logging WARNING per file per JVM that says chmod 600. */
class SecretsFileWarningTest {
    @TempDir
    Path dir;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions only");
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    Path secrets(String permissions) throws Exception {
        Path file = Files.createDirectories(dir.resolve(".dlt")).resolve("secrets.toml");
        Files.writeString(file, "[destination.duckdb]\ncredentials = \"" + dir.resolve("s.duckdb") + "\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    List<String> warningsAbout(Path file) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(formatter::formatMessage)
                .filter(m -> m.contains(file.toString())).toList();
    }

    void connect() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:?project_dir=" + dir)) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void worldReadableSecretsWarnOncePerFileSuggestingChmod600() throws Exception {
        Path file = secrets("rw-r--r--");
        connect();
        connect();
        List<String> warnings = warningsAbout(file.toAbsolutePath().normalize());
        assertEquals(1, warnings.size(), records.toString());
        assertTrue(warnings.get(0).contains("chmod 600 " + file.toAbsolutePath().normalize()), warnings.get(0));
        assertTrue(Files.exists(dir.resolve("s.duckdb")), "the file was still used");
    }

    @Test
    void privateSecretsDoNotWarn() throws Exception {
        Path file = secrets("rw-------");
        connect();
        assertEquals(List.of(), warningsAbout(file.toAbsolutePath().normalize()));
    }

    @Test
    void groupReadableIsNotWorldReadable() throws Exception {
        Path file = secrets("rw-r-----");
        connect();
        assertEquals(List.of(), warningsAbout(file.toAbsolutePath().normalize()));
    }
}
