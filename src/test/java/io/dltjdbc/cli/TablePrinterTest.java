package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    private static String print(TablePrinter printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void alignsColumnsRightAlignsNumbersAndShowsNull() {
        TablePrinter printer = new TablePrinter(List.of("name", "games", "rating"), new boolean[] {false, true, true})
                .add("Hikaru", "31", "3200")
                .add("FabianoCaruana", "9", null)
                .add(null, "100", "1");
        assertEquals(""
                + " name           | games | rating\n"
                + "----------------+-------+--------\n"
                + " Hikaru         |    31 |   3200\n"
                + " FabianoCaruana |     9 | NULL\n"
                + " NULL           |   100 |      1\n"
                + "(3 rows)\n", print(printer));
    }

    @Test
    void longValuesAreCutAtSixtyCharactersWithAnEllipsis() {
        String long70 = "x".repeat(70);
        String out = print(new TablePrinter(List.of("v"), new boolean[] {false}).add(long70).add("x".repeat(60)));
        assertEquals(""
                + " v\n"
                + "-" + "-".repeat(61) + "\n"
                + " " + "x".repeat(59) + "…\n"
                + " " + "x".repeat(60) + "\n"
                + "(2 rows)\n", out);
    }

    @Test
    void emptyResultAndOneRowFooters() {
        assertEquals(" a\n---\n(0 rows)\n", print(new TablePrinter(List.of("a"), new boolean[] {false})));
        assertEquals(" a\n---\n 1\n(1 row)\n", print(new TablePrinter(List.of("a"), new boolean[] {true}).add("1")));
    }

    @Test
    void lineBreaksInValuesStayOnOneLine() {
        assertEquals(" a\n------\n a\\nb\n(1 row)\n",
                print(new TablePrinter(List.of("a"), new boolean[] {false}).add("a\nb")));
    }

    @Test
    void readsTypesAndNullsFromAResultSet() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM (VALUES ('a', 1, 2.5), ('bb', NULL, 10.0)) t(name, n, x) ORDER BY name")) {
            assertEquals(""
                    + " name | n    | x\n"
                    + "------+------+------\n"
                    + " a    |    1 |  2.5\n"
                    + " bb   | NULL | 10.0\n"
                    + "(2 rows)\n", print(TablePrinter.of(rs)));
        }
    }
}
