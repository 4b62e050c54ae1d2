package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltjdbc.cli.ScriptSplitter.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<Statement> split(String script) throws Exception {
        return ScriptSplitter.split(script);
    }

    @Test
    void splitsAtSemicolonsAndRemembersStartLines() throws Exception {
        assertEquals(List.of(new Statement("SELECT 1", 1), new Statement("SELECT 2", 1), new Statement("SELECT\n  3", 3)),
                split("SELECT 1; SELECT 2;\n\nSELECT\n  3;\n"));
    }

    @Test
    void lastStatementNeedsNoSemicolon() throws Exception {
        assertEquals(List.of(new Statement("SELECT 1", 1), new Statement("SELECT 2", 2)), split("SELECT 1;\nSELECT 2\n"));
    }

    @Test
    void semicolonsInStringsAndQuotedIdentifiersDoNotSplit() throws Exception {
        assertEquals(List.of(new Statement("SELECT 'a;b', 'it''s;' AS \"x;\"\"y\"", 1), new Statement("SELECT 2", 1)),
                split("SELECT 'a;b', 'it''s;' AS \"x;\"\"y\"; SELECT 2"));
    }

    @Test
    void semicolonsInDollarQuotedStringsDoNotSplit() throws Exception {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql";
        assertEquals(List.of(new Statement(function, 1), new Statement("SELECT $$a;b$$, a$b, $1", 6)),
                split(function + ";\nSELECT $$a;b$$, a$b, $1;"));
        assertEquals(2, assertThrows(ScriptSplitter.UnterminatedException.class, () -> split("SELECT 1;\nSELECT $x$ never closed;"))
                .line());
    }

        @Test
    void leadingCommentsAreDroppedAndDoNotCountAsStartLine() throws Exception {
        assertEquals(List.of(new Statement("LOAD PIPELINE p FROM 'a.csv'", 5)),
                split("-- header; with a semicolon\n/* block;\n comment */\n\nLOAD PIPELINE p FROM 'a.csv';\n-- trailing;\n"));
    }

    @Test
    void commentsInsideAStatementStayAndDoNotSplit() throws Exception {
        assertEquals(List.of(new Statement("SELECT 1 -- one; two\n  , /* x; /* nested; */ y; */ 2", 1)),
                split("SELECT 1 -- one; two\n  , /* x; /* nested; */ y; */ 2;"));
    }

    @Test
    void multiLineStringsAdvanceTheLineCount() throws Exception {
        assertEquals(List.of(new Statement("SELECT 'a\nb\nc'", 1), new Statement("SELECT 2", 4)),
                split("SELECT 'a\nb\nc';\nSELECT 2;"));
    }

    @Test
    void emptyStatementsAndBlankScriptsGiveNothing() throws Exception {
        assertEquals(List.of(), split(" ;; \n -- only a comment\n"));
        assertEquals(List.of(new Statement("SELECT 1", 2)), split(";\nSELECT 1;;"));
    }

    @Test
    void crLfLineEndsCountOnce() throws Exception {
        assertEquals(List.of(new Statement("SELECT 1", 1), new Statement("SELECT 2", 3)), split("SELECT 1;\r\n\r\nSELECT 2;\r\n"));
    }

    @Test
    void unterminatedStringReportsTheLineItStartsOn() {
        ScriptSplitter.UnterminatedException e = assertThrows(ScriptSplitter.UnterminatedException.class,
                () -> split("SELECT 1;\nSELECT 'abc;\nSELECT 2;"));
        assertEquals(2, e.line());
        assertEquals("unterminated '...' string starting here", e.getMessage());
        assertEquals(3, assertThrows(ScriptSplitter.UnterminatedException.class,
                () -> split("\n\nSELECT /* open")).line());
        assertEquals(1, assertThrows(ScriptSplitter.UnterminatedException.class, () -> split("SELECT \"x")).line());
    }

    @Test
    void lastTerminatorIgnoresQuotedSemicolonsAndOpenStrings() {
        assertEquals(8, ScriptSplitter.lastTerminator("SELECT 1; SELECT ';'"));
        assertEquals(-1, ScriptSplitter.lastTerminator("SELECT ';"));
        assertEquals(-1, ScriptSplitter.lastTerminator("SELECT 1 -- ;"));
        assertEquals(16, ScriptSplitter.lastTerminator("SELECT 1;\nSELECT;"));
    }
}
