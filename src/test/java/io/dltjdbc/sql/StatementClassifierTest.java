package io.dltjdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.sql.Classification.Kind;
import org.junit.jupiter.api.Test;

class StatementClassifierTest {

    private static Kind kind(String sql) {
        return StatementClassifier.classify(sql).kind();
    }

    @Test
    void loadPipelineIsRecognizedCaseInsensitively() {
        assertEquals(Kind.LOAD_PIPELINE, kind("load Pipeline p FROM 'a.csv'"));
    }

    @Test
    void leadingCommentsAndWhitespaceAreSkipped() {
        assertEquals(Kind.LOAD_PIPELINE,
                kind("  -- nightly load\n /* by cron /* nested */ */\n\tLOAD PIPELINE p FROM 'x'"));
    }

    @Test
    void explainLoadPipelineIsItsOwnKind() {
        assertEquals(Kind.EXPLAIN_LOAD_PIPELINE, kind("EXPLAIN LOAD PIPELINE p FROM 'x.csv'"));
    }

    @Test
    void explainSelectIsPassthroughQuery() {
        Classification c = StatementClassifier.classify("EXPLAIN SELECT 1");
        assertEquals(Kind.PASSTHROUGH, c.kind());
        assertTrue(c.isQuery());
    }

    @Test
    void everyShowAndDropFormIsAPipelineCommand() {
        for (String sql : new String[] {"SHOW PIPELINES", "show loads", "SHOW LOADS FOR p RUNNING",
                "SHOW PIPELINE p", "SHOW REJECTED FOR '1'", "DROP PIPELINE p WITH TABLES"}) {
            assertEquals(Kind.PIPELINE_COMMAND, kind(sql), sql);
        }
    }

    @Test
    void destinationShowAndDropArePassthrough() {
        for (String sql : new String[] {"SHOW TABLES", "SHOW ALL TABLES", "SHOW search_path",
                "DROP TABLE pipelines", "DROP SCHEMA ds CASCADE", "SHOW \"loads\""}) {
            assertEquals(Kind.PASSTHROUGH, kind(sql), sql);
        }
    }

    @Test
    void loadPipelineInsideStringOrCommentIsPassthrough() {
        assertEquals(Kind.PASSTHROUGH, kind("SELECT 'LOAD PIPELINE p FROM x'"));
        assertEquals(Kind.PASSTHROUGH, kind("-- LOAD PIPELINE p\nSELECT 1"));
        assertEquals(Kind.PASSTHROUGH, kind("/* LOAD PIPELINE */ SELECT 1"));
    }

    @Test
    void passthroughTextIsReturnedUnchanged() {
        String sql = "  /* hint */ select * from t -- tail";
        assertSame(sql, StatementClassifier.classify(sql).sql());
    }

    @Test
    void queryHintIsTrueForReadingStatements() {
        for (String sql : new String[] {"select 1", "WITH x AS (SELECT 1) SELECT * FROM x",
                "VALUES (1)", "DESCRIBE t", "PRAGMA table_info('t')", "TABLE t", "FROM t",
                "(SELECT 1) UNION (SELECT 2)", "SHOW TABLES"}) {
            assertTrue(StatementClassifier.classify(sql).isQuery(), sql);
        }
    }

    @Test
    void queryHintIsFalseForDataChanges() {
        for (String sql : new String[] {"INSERT INTO t VALUES (1)", "UPDATE t SET a = 1",
                "CREATE TABLE t (a int)", "DROP PIPELINE p",
                "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"}) {
            assertFalse(StatementClassifier.classify(sql).isQuery(), sql);
        }
    }

    @Test
    void emptyOrUnterminatedTextIsPassthroughWithoutError() {
        assertEquals(Kind.PASSTHROUGH, kind(""));
        assertEquals(Kind.PASSTHROUGH, kind("/* never closed LOAD PIPELINE"));
        assertEquals(Kind.PASSTHROUGH, kind("'unterminated"));
    }

    @Test
    void loadWithoutPipelineKeywordIsPassthrough() {
        // DuckDB's LOAD extension statement must reach DuckDB
        assertEquals(Kind.PASSTHROUGH, kind("LOAD httpfs"));
    }
}
