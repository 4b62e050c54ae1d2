package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** New fields add columns, type changes make variant columns, hints set types: across loads. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class SchemaEvolutionLoadTest extends LoadTestSupport {

    SchemaEvolutionLoadTest(Db db) {
        super(db);
    }

    private void loadJson(String json, String with) throws Exception {
        load("LOAD PIPELINE p FROM JSON " + lit(json) + " INTO ds.t" + (with.isEmpty() ? "" : " WITH (" + with + ")"));
    }

    @Test
    void newFieldInALaterLoadAddsANullableColumn() throws Exception {
        loadJson("{\"id\":1}", "");
        loadJson("{\"id\":2,\"extra\":\"x\"}", "");
        assertTrue(columns("ds", "t").contains("extra"));
        assertEquals(java.util.Arrays.asList(null, "x"), column("SELECT extra FROM ds.t ORDER BY id"));
    }

    @Test
    void newNestedListInALaterLoadCreatesTheChildTable() throws Exception {
        loadJson("{\"id\":1}", "");
        loadJson("{\"id\":2,\"xs\":[1]}", "");
        assertEquals(1, count("ds.t__xs"));
    }

    @Test
    void typeChangeInALaterLoadGoesToAVariantColumn() throws Exception {
        loadJson("{\"id\":1,\"x\":5}", "");
        loadJson("{\"id\":2,\"x\":\"not a number\"}", "");
        assertEquals("BIGINT", columnType("ds", "t", "x"));
        assertEquals("VARCHAR", columnType("ds", "t", "x__v_text"));
        assertEquals(List.of(java.util.Arrays.asList(5L, null), java.util.Arrays.asList(null, "not a number")),
                rows("SELECT x, x__v_text FROM ds.t ORDER BY id"));
    }

    @Test
    void coercibleValueInALaterLoadStaysInTheColumn() throws Exception {
        loadJson("{\"id\":1,\"x\":5}", "");
        loadJson("{\"id\":2,\"x\":\"7\"}", "");
        assertEquals(List.of("x", "_dlt_load_id", "_dlt_id").size() + 1, columns("ds", "t").size());
        assertEquals(List.of("5", "7"), column("SELECT x FROM ds.t ORDER BY id"));
    }

    @Test
    void columnHintsSetTimestampAndDecimalTypes() throws Exception {
        loadJson("{\"ts\":1704103200,\"amount\":\"12.34\"}", "columns = 'ts timestamp, amount decimal(10,2)'");
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("ds", "t", "ts"));
        assertEquals("DECIMAL(10,2)", columnType("ds", "t", "amount"));
        assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00Z").toInstant(), ((OffsetDateTime) one("SELECT ts FROM ds.t")).toInstant());
        assertEquals(new BigDecimal("12.34"), one("SELECT amount FROM ds.t"));
    }

    @Test
    void hintedTypesHoldInALaterLoadWithoutHints() throws Exception {
        loadJson("{\"amount\":\"12.34\"}", "columns = 'amount decimal(10,2)'");
        loadJson("{\"amount\":\"1.50\"}", "");
        assertEquals("DECIMAL(10,2)", columnType("ds", "t", "amount"));
        assertEquals(List.of("1.50", "12.34"), column("SELECT amount FROM ds.t ORDER BY amount"));
    }
}
