package io.dltjdbc.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * A JDBC client nobody here wrote, SQLLine, driving the driver the way a user does: connect, load,
 * query, and browse the catalog with its metadata commands.
 */
class SqlLineAcceptanceTest {
    @TempDir
    Path tmp;

    private String runScript(String url, String script) throws Exception {
        Path file = tmp.resolve("script.sql");
        Files.writeString(file, script);
        SqlLine sqlLine = new SqlLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        sqlLine.setOutputStream(print);
        sqlLine.setErrorStream(print);
        SqlLine.Status status = sqlLine.begin(new String[] {"-u", url, "-n", "", "-p", "", "-d", "io.dltjdbc.driver.DltDriver",
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
}
