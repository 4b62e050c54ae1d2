package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * {@code QUERY} values of every column type arrive as the normalizer's values: TIME as time, DuckDB STRUCT and
 * MAP and H2 ROW as nested objects (flattened exactly like the same JSON object), arrays as child tables, JSON
 * columns parsed, vendor objects as their text. (PostgreSQL types: {@link QueryOverPostgresTypesLoadTest}.)
 */
class QuerySourceTypesLoadTest extends LoadTestSupport {
    QuerySourceTypesLoadTest() {
        super(Db.MEMORY);
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void timeColumnOfTheCurrentConnectionLoadsAsTime() throws Exception {
        load("LOAD PIPELINE pq FROM QUERY 'select 1 as id, TIME ''10:00:00'' as t' INTO ds.qt");
        assertEquals("TIME", columnType("ds", "qt", "t"));
        assertEquals(LocalTime.of(10, 0), LocalTime.parse(one("SELECT t FROM ds.qt").toString()));
    }

    @Test
    void timeColumnOfAnotherDuckDbAndOfH2KeepsFractionsOfASecond() throws Exception {
        load("LOAD PIPELINE pq FROM QUERY 'select TIME ''10:00:00.25'' as t' ON 'jdbc:duckdb:' INTO ds.duck");
        assertEquals("10:00:00.25", one("SELECT CAST(t AS VARCHAR) FROM ds.duck"));
        load("LOAD PIPELINE pq FROM QUERY 'select TIME ''10:00:00.123'' as t, TIME WITH TIME ZONE ''10:00:00+02'' as tz'"
                + " ON " + lit(h2("times")) + " INTO ds.h2");
        assertEquals("TIME", columnType("ds", "h2", "t"));
        assertEquals("10:00:00.123", one("SELECT CAST(t AS VARCHAR) FROM ds.h2"));
        assertEquals("TIME", columnType("ds", "h2", "tz"));
        assertEquals("08:00:00", one("SELECT CAST(tz AS VARCHAR) FROM ds.h2"), "a time with offset is stored at UTC");
    }

    @Test
    void structMapAndListAreNormalizedLikeTheSameJsonObject() throws Exception {
        load("LOAD PIPELINE pq FROM QUERY 'select 1 as id, {''a'': 1, ''b'': {''c'': ''x''}} as s,"
                + " MAP {''k1'': 10, ''k2'': 20} as m, [{''n'': 1}, {''n'': 2}] as l, [[1, 2], [3]] as ll' INTO ds.q");
        load("LOAD PIPELINE pj FROM JSON '{\"id\": 1, \"s\": {\"a\": 1, \"b\": {\"c\": \"x\"}},"
                + " \"m\": {\"k1\": 10, \"k2\": 20}, \"l\": [{\"n\": 1}, {\"n\": 2}], \"ll\": [[1, 2], [3]]}' INTO ds.j");
        assertEquals(columns("ds", "j"), columns("ds", "q"));
        assertTrue(columns("ds", "q").containsAll(List.of("s__a", "s__b__c", "m__k1", "m__k2")), columns("ds", "q").toString());
        for (String column : List.of("id", "s__a", "s__b__c", "m__k1")) {
            assertEquals(columnType("ds", "j", column), columnType("ds", "q", column), column);
        }
        assertEquals(List.of(List.of(1L, "x", 10L, 20L)), rows("SELECT s__a, s__b__c, m__k1, m__k2 FROM ds.q"));
        for (String child : List.of("j__l", "j__ll", "j__ll__list")) {
            String same = "q" + child.substring(1);
            assertEquals(columns("ds", child), columns("ds", same), child);
            assertEquals(count("ds." + child), count("ds." + same), child);
        }
        assertEquals(List.of("1", "2"), column("SELECT n FROM ds.q__l ORDER BY _dlt_list_idx"));
    }

    @Test
    void timestampsInsideStructsAndListsKeepTheirValueWhateverTheJvmZone() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            load("LOAD PIPELINE pq FROM QUERY 'select {''naive'': TIMESTAMP ''2024-01-01 10:00:00'',"
                    + " ''zoned'': TIMESTAMPTZ ''2024-01-01 10:00:00+02'', ''day'': DATE ''2024-01-01''} as s,"
                    + " [TIMESTAMP ''2024-01-01 10:00:00''] as l' ON 'jdbc:duckdb:' INTO ds.ts");
        } finally {
            TimeZone.setDefault(zone);
        }
        assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT s__naive FROM ds.ts")).toInstant());
        assertEquals(OffsetDateTime.parse("2024-01-01T08:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT s__zoned FROM ds.ts")).toInstant());
        assertEquals("DATE", columnType("ds", "ts", "s__day"));
        assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT value FROM ds.ts__l")).toInstant());
    }

    @Test
    void duckDbJsonUuidIntervalAndHugeintAreValuesNotObjectText() throws Exception {
        load("LOAD PIPELINE pq FROM QUERY 'select ''{\"a\": {\"b\": 2}}''::JSON as j, ''00000000-0000-0000-0000-000000000001''::UUID as u,"
                + " INTERVAL 3 DAY as iv, 123::HUGEINT as h, ''x''::BLOB as b' ON 'jdbc:duckdb:' INTO ds.t");
        assertEquals(List.of(List.of(2L, "00000000-0000-0000-0000-000000000001", "3 days", 123L)),
                rows("SELECT j__a__b, u, iv, h FROM ds.t"));
        assertEquals("BLOB", columnType("ds", "t", "b"));
    }

    @Test
    void h2ArrayRowAndJsonBecomeNestedData() throws Exception {
        load("LOAD PIPELINE pq FROM QUERY 'select 1 as id, ARRAY[1, 2] as xs, ROW(7, ''a'') as r, JSON ''{\"k\": [true]}'' as j,"
                + " INTERVAL ''3'' DAY as iv' ON " + lit(h2("nested")) + " INTO ds.h");
        List<String> columns = columns("ds", "h");
        assertTrue(columns.containsAll(List.of("id", "r__c1", "r__c2", "iv")), columns.toString());
        assertFalse(columns.contains("xs") || columns.contains("j"), columns.toString());
        assertEquals(List.of(List.of(7L, "a", "INTERVAL '3' DAY")), rows("SELECT r__c1, r__c2, iv FROM ds.h"));
        assertEquals(List.of("1", "2"), column("SELECT value FROM ds.h__xs ORDER BY _dlt_list_idx"));
        assertEquals(List.of("true"), column("SELECT CAST(value AS VARCHAR) FROM ds.h__j__k"));
    }

    @Test
    void valueThatCannotBeReadNamesTheRowItIsIn() throws Exception {
        // valid JSON for DuckDB, but nested deeper than dlt's parser (and ours) accepts
        String deep = "repeat(''['', 1500) || repeat('']'', 1500)";
        SQLException e = loadFails("LOAD PIPELINE pq FROM QUERY 'select i, case when i = 3 then (" + deep + ")::JSON"
                + " else ''[1]''::JSON end as j from range(1, 6) t(i) order by i' INTO ds.f");
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().startsWith("query error in QUERY at row 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("column j"), e.getMessage());
    }
}
