package io.dltjdbc.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * A JDBC client nobody here wrote, SQLLine, driving the driver the way a user does: connect, load,
 * query, and browse the catalog with its metadata commands.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SqlLineAcceptanceTest {
    @TempDir
    Path tmp;

    private String runScript(String url, String script) throws Exception {
        return runScript(url, "", "", script);
    }

    private String runScript(String url, String user, String password, String script) throws Exception {
        Path file = tmp.resolve("script.sql");
        Files.writeString(file, script);
        SqlLine sqlLine = new SqlLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        sqlLine.setOutputStream(print);
        sqlLine.setErrorStream(print);
        SqlLine.Status status = sqlLine.begin(new String[] {"-u", url, "-n", user, "-p", password, "-d", "io.dltjdbc.driver.DltDriver",
            "--run=" + file, "--maxWidth=200", "--showWarnings=false"}, null, false);
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(SqlLine.Status.OK, status, output);
        return output;
    }

    @Test
    void sqlLineLoadsQueriesAndBrowsesADuckDbDataset() throws Exception {
        // the file and the dataset share a name on purpose: DuckDB then has a catalog and a schema both called "shop"
        String url = "jdbc:dlt:duckdb:" + tmp.resolve("shop.duckdb") + "?dataset=shop";
        String output = runScript(url, String.join("\n",
                "LOAD PIPELINE shop FROM JSON '[{\"id\": 1, \"name\": \"first\", \"lines\": [{\"sku\": \"a-1\"}, {\"sku\": \"b-2\"}]}]' INTO shop.orders;",
                "SELECT name, (SELECT count(*) FROM orders__lines) AS line_count FROM orders;",
                "!tables",
                "!columns orders",
                "!primarykeys orders",
                "!importedkeys orders__lines",
                ""));
        assertTrue(output.contains("| orders__lines"), output);
        assertTrue(output.contains("first"), output);
        assertTrue(output.matches("(?s).*\\| first\\s+\\| 2\\s+\\|.*"), output);
        assertTrue(output.matches("(?s).*\\| shop\\s+\\| _dlt_loads\\s+\\| TABLE.*"), output);
        assertTrue(output.contains("_dlt_load_id"), output);
        assertTrue(output.matches("(?s).*orders\\s+\\| _dlt_id\\s+\\|.*orders__lines\\s+\\| _dlt_parent_id.*"), output);
    }

    @Test
    void sqlLineLoadsQueriesAndBrowsesAPostgresDataset(EmbeddedPostgresServer pg) throws Exception {
        // credentials the way SQLLine passes them: -n / -p, i.e. JDBC user and password properties
        String url = "jdbc:dlt:postgres://" + pg.host() + ":" + pg.port() + "/" + EmbeddedPostgresServer.DATABASE + "?dataset=sqlline_shop";
        String output = runScript(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, String.join("\n",
                "LOAD PIPELINE sqlline_shop FROM JSON '[{\"id\": 7, \"name\": \"seventh\", \"lines\": [{\"sku\": \"x\"}]}]' INTO orders;",
                "SELECT name, (SELECT count(*) FROM orders__lines) AS line_count FROM orders;",
                "!tables",
                "!columns orders",
                "!importedkeys orders__lines",
                ""));
        assertTrue(output.matches("(?s).*\\| seventh\\s+\\| 1\\s+\\|.*"), output);
        assertTrue(output.matches("(?s).*\\| sqlline_shop\\s+\\| orders__lines\\s+\\| TABLE.*"), output);
        assertTrue(output.contains("_dlt_load_id"), output);
        assertTrue(output.matches("(?s).*orders\\s+\\| _dlt_id\\s+\\|.*orders__lines\\s+\\| _dlt_parent_id.*"), output);
        assertTrue(!output.contains(EmbeddedPostgresServer.PASSWORD), "the password never shows");
    }
}
