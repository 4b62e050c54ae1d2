package io.dltjdbc.sql;

import static io.dltjdbc.sql.DltCommandParserTest.error;
import static io.dltjdbc.sql.DltCommandParserTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.sql.DltCommand.LoadPipeline;
import io.dltjdbc.sql.DltCommand.ShowRejected;
import io.dltjdbc.sql.SourceSpec.BuiltinSource;
import io.dltjdbc.sql.SourceSpec.FileSource;
import io.dltjdbc.sql.SourceSpec.InlineJson;
import io.dltjdbc.sql.SourceSpec.QuerySource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBindingTest {

    @Test
    void markersAreNumberedInTextOrder() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM ?, JSON ?, QUERY ? ON ?, "
                + "SOURCE chess(players = (?, 'x')) WITH (max_errors = ?)");
        assertEquals(6, load.parameterCount());
        assertEquals(new FileSource(null, null, new Parameter(1)), load.sources().get(0));
        assertEquals(new InlineJson(null, new Parameter(2)), load.sources().get(1));
        assertEquals(new QuerySource(null, null, new Parameter(3), new Parameter(4)),
                load.sources().get(2));
        assertEquals(List.of(new Parameter(5), "x"),
                ((BuiltinSource) load.sources().get(3)).args().get("players"));
        assertEquals(new Parameter(6), load.options().get("max_errors"));
    }

    @Test
    void questionMarkInStringOrCommentIsNotAMarker() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p -- why?\n FROM QUERY 'select ''?''' /* ? */");
        assertEquals(0, load.parameterCount());
        assertEquals("select '?'", ((QuerySource) load.sources().get(0)).sql());
    }

    @Test
    void bindReplacesEveryMarker() throws SQLException {
        DltCommand bound = load("LOAD PIPELINE p FROM ? FORMAT csv, QUERY ? ON ?, "
                + "SOURCE chess(players = (?, 'x'), limit = ?) WITH (write_disposition = ?)")
                .bind(Arrays.asList(Path.of("a.txt"), "select 1", "jdbc:h2:mem:", "magnus", 5,
                        "MERGE"));
        LoadPipeline load = (LoadPipeline) bound;
        assertEquals(0, load.parameterCount());
        assertEquals(new FileSource("a.txt", "csv"), load.sources().get(0));
        assertEquals(new QuerySource("select 1", "jdbc:h2:mem:"), load.sources().get(1));
        BuiltinSource chess = (BuiltinSource) load.sources().get(2);
        assertEquals(List.of("magnus", "x"), chess.args().get("players"));
        assertEquals(5L, chess.args().get("limit"));
        assertEquals("merge", load.options().get("write_disposition"));
    }

    @Test
    void missingBindingIsSqlState07001NamingTheParameter() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM ?, JSON ?");
        SQLException e = assertThrows(SQLException.class, () -> load.bind(List.of("a.csv")));
        assertEquals("07001", e.getSQLState());
        assertEquals("No value specified for parameter 2", e.getMessage());
    }

    @Test
    void boundOptionValueIsValidated() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a' WITH (on_error = ?)");
        SQLException e = assertThrows(SQLException.class, () -> load.bind(List.of("explode")));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("in parameter 1"), e.getMessage());
    }

    @Test
    void nullBoundToFileLocationIsRejectedButNullUrlMeansDestination() throws SQLException {
        SQLException e = assertThrows(SQLException.class,
                () -> load("LOAD PIPELINE p FROM ?").bind(Arrays.asList((Object) null)));
        assertEquals("22023", e.getSQLState());
        QuerySource query = (QuerySource) ((LoadPipeline) load(
                "LOAD PIPELINE p FROM QUERY 'select 1' ON ?").bind(Arrays.asList((Object) null)))
                .sources().get(0);
        assertNull(query.onUrl());
    }

    @Test
    void showRejectedLoadIdCanBeAParameter() throws SQLException {
        DltCommand command = DltCommandParser.parse("SHOW REJECTED FOR ?");
        assertEquals(1, command.parameterCount());
        assertEquals(new ShowRejected("17.5"), command.bind(List.of("17.5")));
    }

    @Test
    void commandWithoutMarkersBindsToItself() throws SQLException {
        LoadPipeline load = load("LOAD PIPELINE p FROM 'a.csv'");
        assertSame(load, load.bind(List.of()));
        assertFalse(load.sources().isEmpty());
    }

    @Test
    void parameterAsFormatIsSyntaxError() {
        assertEquals("42601", error("LOAD PIPELINE p FROM 'a' FORMAT ?").getSQLState());
    }

    @Test
    void querySourceToStringMasksUrlPassword() throws SQLException {
        String text = load("LOAD PIPELINE p FROM QUERY 'select 1' ON "
                + "'jdbc:postgresql://u:hunter2@h/db?password=hunter2'").toString();
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("jdbc:postgresql://u:***@h/db?password=***"), text);
    }

    @Test
    void integerBindingsBecomeLongLikeLiterals() throws SQLException {
        LoadPipeline load = (LoadPipeline) load("LOAD PIPELINE p FROM 'a' WITH (max_errors = ?, "
                + "initial_value = ?)").bind(List.of("7", 3));
        assertEquals(7L, load.options().get("max_errors"));
        assertEquals(3L, load.options().get("initial_value"));
    }
}
