package io.dltjdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.sql.DltCommand.DropPipeline;
import io.dltjdbc.sql.DltCommand.LoadPipeline;
import io.dltjdbc.sql.DltCommand.ShowLoads;
import io.dltjdbc.sql.DltCommand.ShowPipeline;
import io.dltjdbc.sql.DltCommand.ShowPipelines;
import io.dltjdbc.sql.DltCommand.ShowRejected;
import io.dltjdbc.sql.SourceSpec.BuiltinSource;
import io.dltjdbc.sql.SourceSpec.FileSource;
import io.dltjdbc.sql.SourceSpec.InlineJson;
import io.dltjdbc.sql.SourceSpec.QuerySource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DltCommandParserTest {

    static LoadPipeline load(String sql) throws SQLException {
        return (LoadPipeline) DltCommandParser.parse(sql);
    }

    static SQLException error(String sql) {
        return assertThrows(SQLException.class, () -> DltCommandParser.parse(sql));
    }

    // ---- sources ------------------------------------------------------------------------

    @Test
    void fileSourceWithoutFormatLeavesFormatToExtension() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'data/*.csv'");
        assertEquals("p", load.pipelineName());
        assertEquals(List.of(new FileSource("data/*.csv", null)), load.sources());
        assertFalse(load.explain());
    }

    @Test
    void fileSourceFormatIsLowerCased() throws SQLException {
        assertEquals(new FileSource("https://x.org/e.txt", "jsonl"),
                load("LOAD PIPELINE p FROM 'https://x.org/e.txt' FORMAT JSONL").sources().get(0));
    }

    @Test
    void unknownFileFormatIsInvalidValue() {
        SQLException e = error("LOAD PIPELINE p FROM 'a.txt' FORMAT xml");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("jsonl, json, csv, parquet"), e.getMessage());
    }

    @Test
    void inlineJsonKeepsTextWithEscapedQuotes() throws SQLException {
        assertEquals(new InlineJson("[{\"name\": \"O'Brien\"}]"),
                load("LOAD PIPELINE p FROM JSON '[{\"name\": \"O''Brien\"}]'").sources().get(0));
    }

    @Test
    void stringLiteralMaySpanLines() throws SQLException {
        assertEquals(new InlineJson("[\n {\"a\": 1}\n]"),
                load("LOAD PIPELINE p FROM JSON '[\n {\"a\": 1}\n]'").sources().get(0));
    }

    @Test
    void querySourceWithOnUrl() throws SQLException {
        assertEquals(new QuerySource("select * from t", "jdbc:h2:mem:x"),
                load("LOAD PIPELINE p FROM QUERY 'select * from t' ON 'jdbc:h2:mem:x'")
                        .sources().get(0));
    }

    @Test
    void querySourceWithoutOnUsesDestination() throws SQLException {
        assertEquals(new QuerySource("select 1", null),
                load("LOAD PIPELINE p FROM QUERY 'select 1'").sources().get(0));
    }

    @Test
    void builtinSourceArgumentsKeepTypesAndOrder() throws SQLException {
        BuiltinSource chess = (BuiltinSource) load("LOAD PIPELINE chess FROM SOURCE chess("
                + "players = ('magnuscarlsen', 'vincentkeymer'), Start_Month = '2022/11', "
                + "resources = ['players_profiles'], limit = 10)").sources().get(0);
        assertEquals("chess", chess.name());
        assertEquals(List.of("players", "start_month", "resources", "limit"),
                List.copyOf(chess.args().keySet()));
        assertEquals(List.of("magnuscarlsen", "vincentkeymer"), chess.args().get("players"));
        assertEquals(List.of("players_profiles"), chess.args().get("resources"));
        assertEquals(10L, chess.args().get("limit"));
    }

    @Test
    void builtinSourceMayHaveNoArguments() throws SQLException {
        assertEquals(new BuiltinSource("chess", java.util.Map.of()),
                load("LOAD PIPELINE p FROM SOURCE chess()").sources().get(0));
    }

    @Test
    void severalSourcesKeepTheirOrder() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.parquet', JSON '{}', "
                + "QUERY 'select 1', SOURCE chess(players = ('x'))");
        assertEquals(4, load.sources().size());
        assertInstanceOf(FileSource.class, load.sources().get(0));
        assertInstanceOf(InlineJson.class, load.sources().get(1));
        assertInstanceOf(QuerySource.class, load.sources().get(2));
        assertInstanceOf(BuiltinSource.class, load.sources().get(3));
    }

    // ---- INTO ---------------------------------------------------------------------------

    @Test
    void intoWithoutDatasetLeavesDatasetNull() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.csv' INTO events");
        assertNull(load.intoDataset());
        assertEquals("events", load.intoTable());
    }

    @Test
    void intoWithQuotedTableKeepsCase() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.csv' INTO ds.\"My \"\"Big\"\" Table\"");
        assertEquals("ds", load.intoDataset());
        assertEquals("My \"Big\" Table", load.intoTable());
    }

    @Test
    void bareIdentifiersKeepTextAsWritten() throws SQLException {
        LoadPipeline load = load("load pipeline My_Pipe$1 from 'a.csv' into Raw.Events");
        assertEquals("My_Pipe$1", load.pipelineName());
        assertEquals("Raw", load.intoDataset());
        assertEquals("Events", load.intoTable());
    }

    @Test
    void withoutIntoOrWithEverythingIsEmpty() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.csv'");
        assertNull(load.intoTable());
        assertTrue(load.options().isEmpty());
    }

    // ---- options ------------------------------------------------------------------------

    @Test
    void optionsKeepTypesLowerCasedNamesAndOrder() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.csv' WITH (Write_Disposition = MERGE, "
                + "primary_key = 'id', max_table_nesting = 2, full_refresh = true, "
                + "initial_value = 1.5, incremental = null, columns = 'id bigint not null')");
        assertEquals(List.of("write_disposition", "primary_key", "max_table_nesting",
                "full_refresh", "initial_value", "incremental", "columns"),
                List.copyOf(load.options().keySet()));
        assertEquals("merge", load.options().get("write_disposition"));
        assertEquals("id", load.options().get("primary_key"));
        assertEquals(2L, load.options().get("max_table_nesting"));
        assertEquals(Boolean.TRUE, load.options().get("full_refresh"));
        assertEquals(new BigDecimal("1.5"), load.options().get("initial_value"));
        assertTrue(load.options().containsKey("incremental"));
        assertNull(load.options().get("incremental"));
    }

    @Test
    void hyphenatedBareWordIsOneValue() throws SQLException {
        assertEquals("delete-insert", load("LOAD PIPELINE p FROM 'a' WITH (merge_strategy = "
                + "delete-insert)").options().get("merge_strategy"));
    }

    @Test
    void primaryKeyMayBeAList() throws SQLException {
        assertEquals(List.of("a", "b"), load("LOAD PIPELINE p FROM 'a' WITH (primary_key = "
                + "('a', 'b'))").options().get("primary_key"));
    }

    @Test
    void negativeAndHugeNumbersParse() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM SOURCE s(a = -3, b = 99999999999999999999,"
                + " c = 1e3)");
        BuiltinSource s = (BuiltinSource) load.sources().get(0);
        assertEquals(-3L, s.args().get("a"));
        assertEquals(new BigDecimal("99999999999999999999"), s.args().get("b"));
        assertEquals(new BigDecimal("1e3"), s.args().get("c"));
    }

    @Test
    void unknownOptionIsInvalidParameterValueListingValidOnes() {
        SQLException e = error("LOAD PIPELINE p FROM 'a' WITH (write_dispositon = 'merge')");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().startsWith("unknown option 'write_dispositon' at 1:32"),
                e.getMessage());
        assertTrue(e.getMessage().contains("write_disposition, primary_key"), e.getMessage());
    }

    @Test
    void enumeratedOptionValuesAreChecked() {
        for (String option : new String[] {"write_disposition = upsert",
                "schema_contract = 'loose'", "merge_strategy = scd2", "on_error = ignore"}) {
            SQLException e = error("LOAD PIPELINE p FROM 'a' WITH (" + option + ")");
            assertEquals("22023", e.getSQLState(), option);
            assertTrue(e.getMessage().contains("expected one of"), e.getMessage());
        }
    }

    @Test
    void countOptionsRejectNegativeAndFractionalNumbers() {
        assertEquals("22023", error("LOAD PIPELINE p FROM 'a' WITH (max_errors = -1)")
                .getSQLState());
        assertEquals("22023", error("LOAD PIPELINE p FROM 'a' WITH (max_table_nesting = 1.5)")
                .getSQLState());
    }

    @Test
    void booleanOptionRejectsNonBoolean() {
        assertEquals("22023", error("LOAD PIPELINE p FROM 'a' WITH (dry_run = 3)").getSQLState());
    }

    @Test
    void duplicateOptionIsRejected() {
        SQLException e = error("LOAD PIPELINE p FROM 'a' WITH (on_error = abort, ON_ERROR = "
                + "skip_row)");
        assertTrue(e.getMessage().contains("given twice at 1:50"), e.getMessage());
    }

    // ---- EXPLAIN, SHOW, DROP ------------------------------------------------------------

    @Test
    void explainParsesSameGrammarAsDryRun() throws SQLException {
        LoadPipeline load = load("EXPLAIN LOAD PIPELINE p FROM 'a.csv' INTO t");
        assertTrue(load.explain());
        assertEquals("t", load.intoTable());
    }

    @Test
    void showPipelines() throws SQLException {
        assertEquals(new ShowPipelines(), DltCommandParser.parse("show pipelines;"));
    }

    @Test
    void showLoadsForms() throws SQLException {
        assertEquals(new ShowLoads(null, false), DltCommandParser.parse("SHOW LOADS"));
        assertEquals(new ShowLoads("p", false), DltCommandParser.parse("SHOW LOADS FOR p"));
        assertEquals(new ShowLoads(null, true), DltCommandParser.parse("SHOW LOADS RUNNING"));
        assertEquals(new ShowLoads("p", true), DltCommandParser.parse("SHOW LOADS FOR p RUNNING"));
        assertEquals(new ShowLoads("p", true), DltCommandParser.parse("SHOW LOADS RUNNING FOR p"));
    }

    @Test
    void showPipelineNamesOne() throws SQLException {
        assertEquals(new ShowPipeline("Chess Games"),
                DltCommandParser.parse("SHOW PIPELINE \"Chess Games\""));
    }

    @Test
    void showRejectedWithAndWithoutLoadId() throws SQLException {
        assertEquals(new ShowRejected(null), DltCommandParser.parse("SHOW REJECTED"));
        assertEquals(new ShowRejected("1712345678.123456"),
                DltCommandParser.parse("SHOW REJECTED FOR '1712345678.123456'"));
        assertEquals(new ShowRejected("1712345678.123456"),
                DltCommandParser.parse("SHOW REJECTED FOR 1712345678.123456"));
    }

    @Test
    void dropPipelineWithAndWithoutTables() throws SQLException {
        assertEquals(new DropPipeline("p", false), DltCommandParser.parse("DROP PIPELINE p"));
        assertEquals(new DropPipeline("p", true),
                DltCommandParser.parse("drop pipeline p with tables"));
    }

    @Test
    void showOfUnknownThingIsSyntaxError() {
        SQLException e = error("SHOW TABLES");
        assertEquals("42601", e.getSQLState());
        assertEquals("expected PIPELINES, PIPELINE, LOADS or REJECTED after SHOW but found "
                + "'TABLES' at 1:6", e.getMessage());
    }

    @Test
    void commandsAreImmutable() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a' WITH (dry_run = true)");
        assertThrows(UnsupportedOperationException.class, () -> load.options().clear());
        assertThrows(UnsupportedOperationException.class, () -> load.sources().clear());
    }

    @Test
    void keywordsMayServeAsNamesWherePositionIsUnambiguous() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE from FROM 'a.csv' INTO json.query");
        assertEquals("from", load.pipelineName());
        assertEquals("json", load.intoDataset());
        assertEquals("query", load.intoTable());
    }
}
