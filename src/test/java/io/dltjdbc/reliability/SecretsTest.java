package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords never show: everything a user or an operator can see while connecting and loading with right
 * and wrong passwords (every log record at every level, stdout and stderr, exception messages and cause
 * chains with their stack traces, toString() of every reachable public object, DatabaseMetaData.getURL(),
 * DriverPropertyInfo, result rows, the stored schema and state) is collected and searched for the secret.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SecretsTest {
    /** Made to trip naive URL parsing: ':' '@' '/' '?' '&' '=' '#'. */
    static final String SECRET = "Zq:9@x/y?p&w=Secret#1";
    static final String WRONG = "Wr0ng-Pa55word!x";
    static final String ROLE = "sekrit";

    @TempDir
    Path dir;
    EmbeddedPostgresServer pg;
    final StringBuilder seen = new StringBuilder();
    final SimpleFormatter formatter = new SimpleFormatter();
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (seen) {
                seen.append(formatter.format(record)).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out;
    PrintStream err;
    Level rootLevel;

    @BeforeEach
    void capture(EmbeddedPostgresServer server) throws Exception {
        pg = server;
        try (Connection admin = pg.superuser(EmbeddedPostgresServer.DATABASE); Statement s = admin.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE "
                    + ROLE + " LOGIN PASSWORD '" + SECRET + "'; END IF; END $$");
            s.execute("GRANT CREATE ON DATABASE " + EmbeddedPostgresServer.DATABASE + " TO " + ROLE);
        }
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        for (String name : List.of("io.dltjdbc", "org.postgresql", "com.zaxxer", "org.duckdb")) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        out = System.out;
        err = System.err;
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void release() {
        System.setOut(out);
        System.setErr(err);
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(rootLevel);
        for (String name : List.of("io.dltjdbc", "org.postgresql", "com.zaxxer", "org.duckdb")) {
            Logger.getLogger(name).setLevel(null);
        }
    }

    void assertNoSecretAnywhere(String... secrets) {
        String all;
        synchronized (seen) {
            all = seen + "\n" + console.toString(StandardCharsets.UTF_8);
        }
        assertTrue(all.length() > 500, "the capture saw almost nothing: " + all);
        for (String secret : secrets) {
            for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
                int at = all.indexOf(form);
                assertTrue(at < 0, () -> "secret shown: ..." + all.substring(Math.max(0, at - 300), Math.min(all.length(), at + 100)));
            }
        }
    }

    void see(Object o) {
        synchronized (seen) {
            seen.append(o).append('\n');
        }
    }

    void see(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));   // message, every cause, suppressed exceptions
        see(w.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            see(c.toString());
            if (c instanceof SQLException s) {
                for (SQLException n = s.getNextException(); n != null; n = n.getNextException()) {
                    see(n.toString());
                }
            }
        }
    }

    void seeRows(ResultSet rs) throws SQLException {
        see(rs);
        ResultSetMetaData meta = rs.getMetaData();
        see(meta);
        while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                see(meta.getColumnLabel(i) + "=" + rs.getString(i));
            }
        }
        rs.close();
    }

    void fails(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                see(s);
                s.execute(sql);
            }
        });
        see(e);
    }

    void seeEverything(Connection c, String url, Properties props, String ds) throws Exception {
        see(c);
        DatabaseMetaData meta = c.getMetaData();
        see(meta);
        see(meta.getURL());
        see(meta.getUserName());
        see(c.getClientInfo());
        for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
            see(w);
        }
        Driver driver = dltDriver();
        see(driver);
        for (DriverPropertyInfo info : driver.getPropertyInfo(url, props)) {
            see(info.name + "=" + info.value + " " + info.description + " " + (info.choices == null ? "" : List.of(info.choices)));
        }
        try (Statement s = c.createStatement()) {
            see(s);
            s.execute("LOAD PIPELINE sec FROM JSON '[{\"id\":1,\"xs\":[1]}]' INTO " + ds + ".t");
            seeRows(s.getResultSet());
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                see(w);
            }
            for (String q : List.of("SHOW PIPELINES", "SHOW PIPELINE sec", "SHOW LOADS", "SELECT * FROM " + ds + "._dlt_pipeline_state",
                    "SELECT * FROM " + ds + "._dlt_version", "SELECT * FROM " + ds + "._dlt_loads", "SELECT current_user")) {
                seeRows(s.executeQuery(q));
            }
        }
        try (PreparedStatement p = c.prepareStatement("LOAD PIPELINE sec FROM JSON ? INTO " + ds + ".t")) {
            see(p);
            p.setString(1, "{\"id\":2}");
            p.execute();
            seeRows(p.getResultSet());
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM " + ds + ".t WHERE id > ?")) {
            see(p);
            p.setInt(1, 0);
            seeRows(p.executeQuery());
            see(p.getParameterMetaData());
        }
        for (String table : List.of("TABLE", "VIEW")) {
            seeRows(meta.getTables(null, ds, "%", new String[] {table}));
        }
        seeRows(meta.getSchemas());
        // errors at load time: a value the destination rejects, SQL passed through, a QUERY source on a URL with a password
        fails(c, "LOAD PIPELINE sec FROM JSON '[{\"id\":3,\"amount\":\"123456.5\"}]' INTO " + ds + ".t2"
                + " WITH (columns = 'amount decimal(4,2)')");
        fails(c, "SELECT * FROM no_such_table_anywhere");
        fails(c, "LOAD PIPELINE sec FROM QUERY 'SELECT * FROM no_such_table' ON "
                + ReliabilitySupport.lit("jdbc:postgresql://" + ROLE + ":" + SECRET + "@" + pg.host() + ":1/x") + " INTO " + ds + ".q");
        see(ReliabilitySupport.snapshot(c, ds));
    }

    @Test
    void passwordInAQuerySourceUrlNeverShowsInDriverLogs() throws Exception {
        String pgUrl = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + EmbeddedPostgresServer.DATABASE + "?user=" + ROLE
                + "&password=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(base("sec_query"), props())) {
            fails(c, "LOAD PIPELINE sec FROM QUERY 'SELECT * FROM no_such_table' ON " + ReliabilitySupport.lit(pgUrl)
                    + " INTO sec_query.q");
            try (Statement s = c.createStatement()) {
                s.execute("LOAD PIPELINE sec FROM QUERY 'SELECT 1 AS id' ON " + ReliabilitySupport.lit(pgUrl) + " INTO sec_query.q");
                seeRows(s.getResultSet());
            }
        }
        assertNoSecretAnywhere(SECRET);
    }

    /**
     * Our driver, without DriverManager.getDriver(url): that asks every registered driver, and pgjdbc logs a URL it
     * rejects, query string included, at FINE (docs/guarantees.md: put passwords in Properties or secrets.toml).
     */
    static Driver dltDriver() {
        return DriverManager.drivers().filter(d -> d instanceof io.dltjdbc.driver.DltDriver).findFirst().orElseThrow();
    }

    Properties props() {
        Properties props = new Properties();
        props.setProperty("user", ROLE);
        props.setProperty("password", SECRET);
        return props;
    }

    String base(String ds) {
        return "jdbc:dlt:postgres://" + pg.host() + ":" + pg.port() + "/" + EmbeddedPostgresServer.DATABASE + "?dataset=" + ds
                + "&project_dir=" + dir;
    }

    @Test
    void passwordFromPropertiesNeverShows() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", ROLE);
        props.setProperty("password", WRONG);
        String url = base("sec_props");
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(url, props)));
        for (DriverPropertyInfo info : dltDriver().getPropertyInfo(url, props)) {
            see(info.name + "=" + info.value);
        }
        props.setProperty("password", SECRET);
        try (Connection c = DriverManager.getConnection(url, props)) {
            seeEverything(c, url, props, "sec_props");
        }
        assertNoSecretAnywhere(SECRET, WRONG);
    }

    @Test
    void passwordInTheUrlNeverShows() throws Exception {
        String wrong = "jdbc:dlt:postgres://" + ROLE + ":" + URLEncoder.encode(WRONG, StandardCharsets.UTF_8) + "@" + pg.host() + ":"
                + pg.port() + "/" + EmbeddedPostgresServer.DATABASE + "?dataset=sec_url&project_dir=" + dir;
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(wrong)));
        String right = base("sec_url") + "&username=" + ROLE + "&password=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(right.replace("/dlt_data", "/no_such_db"))));
        try (Connection c = DriverManager.getConnection(right)) {
            seeEverything(c, right, new Properties(), "sec_url");
        }
        assertNoSecretAnywhere(SECRET, WRONG);
    }

    @Test
    void passwordFromSecretsTomlNeverShows() throws Exception {
        Path file = Files.createDirectories(dir.resolve(".dlt")).resolve("secrets.toml");
        Files.writeString(file, "[destination.postgres.credentials]\nusername = \"" + ROLE + "\"\npassword = \"" + WRONG + "\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String url = base("sec_toml");
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(url)));
        Files.writeString(file, "[destination.postgres.credentials]\nusername = \"" + ROLE + "\"\npassword = \"" + SECRET + "\"\n");
        try (Connection c = DriverManager.getConnection(url)) {
            seeEverything(c, url, new Properties(), "sec_toml");
        }
        assertNoSecretAnywhere(SECRET, WRONG);
        assertFalse(seen.toString().contains("password authentication failed") && seen.indexOf(WRONG) >= 0);
    }
}
