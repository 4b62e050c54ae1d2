package io.dltjdbc.sql;

import static io.dltjdbc.sql.DltCommandParserTest.error;
import static io.dltjdbc.sql.DltCommandParserTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SyntaxErrorTest {

    private static void assertSyntaxError(String expectedMessage, String sql) {
        SQLException e = error(sql);
        assertEquals("42601", e.getSQLState());
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void missingFromNamesExpectationFoundTokenAndPosition() {
        assertSyntaxError("expected FROM after pipeline name but found 'INTO' at 1:17",
                "LOAD PIPELINE p INTO t");
    }

    @Test
    void missingFromAtEndReportsEndOfStatement() {
        assertSyntaxError("expected FROM after pipeline name but found end of statement at 1:16",
                "LOAD PIPELINE p");
    }

    @Test
    void syntaxErrorReportsLineAndColumn() {
        assertSyntaxError("expected ',' or ')' to close WITH options but found 'max_errors' "
                        + "at 4:35",
                "LOAD PIPELINE p\n  FROM 'a.csv'\n  INTO t\n  WITH (write_disposition = merge"
                        + " max_errors = 3)");
    }

    @Test
    void unterminatedStringReportsWhereItStarted() {
        assertSyntaxError("unterminated string literal starting at 2:8",
                "LOAD PIPELINE p\n  FROM 'a.csv\n INTO t");
    }

    @Test
    void unterminatedQuotedIdentifierIsSyntaxError() {
        assertSyntaxError("unterminated quoted identifier starting at 1:15",
                "SHOW PIPELINE \"p");
    }

    @Test
    void unterminatedCommentIsSyntaxError() {
        assertSyntaxError("unterminated comment starting at 1:17", "LOAD PIPELINE p /* FROM");
    }

    @Test
    void crLfLineEndsCountAsOneLine() {
        assertSyntaxError("expected a source ('path', JSON, QUERY or SOURCE) after FROM but found "
                + "'bogus' at 3:3", "LOAD PIPELINE p\r\n FROM\r\n  bogus");
    }

    @Test
    void garbageAfterStatementIsRejected() {
        assertSyntaxError("unexpected 'extra' after end of statement at 1:30",
                "LOAD PIPELINE p FROM 'a.csv' extra");
    }

    @Test
    void secondStatementAfterSemicolonIsRejected() {
        assertSyntaxError("unexpected 'SELECT' after end of statement at 1:17",
                "SHOW PIPELINES; SELECT 1");
    }

    @Test
    void missingSourceAfterCommaIsReported() {
        assertSyntaxError("expected a source ('path', JSON, QUERY or SOURCE) after ',' but found "
                + "end of statement at 1:26", "LOAD PIPELINE p FROM 'a',");
    }

    @Test
    void jsonNeedsStringLiteral() {
        assertSyntaxError("expected JSON text as a string literal after JSON but found '[' at 1:27",
                "LOAD PIPELINE p FROM JSON [{}]");
    }

    @Test
    void emptyQuotedIdentifierIsNotAName() {
        assertSyntaxError("expected pipeline name after LOAD PIPELINE but found '\"\"' at 1:15",
                "LOAD PIPELINE \"\" FROM 'a'");
    }

    @Test
    void trailingSemicolonCommentsAndWhitespaceAreAccepted() throws SQLException {
        assertEquals("p", load("/* head */ LOAD PIPELINE p -- name\n FROM 'a.csv' /* x */ ;"
                + " -- done\n  ").pipelineName());
    }

    @Test
    void commentsBetweenTokensAreIgnored() throws SQLException {
        assertEquals("t", load("LOAD/**/PIPELINE p FROM--c\n'a.csv' INTO /* t2 */ t").intoTable());
    }

    @Test
    void missingEqualsAfterOptionNameIsReported() {
        assertSyntaxError("expected '=' after option max_errors but found '3' at 1:43",
                "LOAD PIPELINE p FROM 'a' WITH (max_errors 3)");
    }

    @Test
    void unclosedArgumentListIsReported() {
        assertSyntaxError("expected ',' or ')' to close the list but found end of statement "
                + "at 1:49", "LOAD PIPELINE p FROM SOURCE chess(players = ('a'");
    }
}
