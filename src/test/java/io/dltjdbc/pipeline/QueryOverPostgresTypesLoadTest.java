package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code QUERY ... ON 'jdbc:postgresql:...'}: pgjdbc's own value classes (PGobject for json/jsonb/interval/inet,
 * PgArray, timetz and timestamptz reported as TIME and TIMESTAMP) arrive as the normalizer's values, not as
 * crashes or {@code toString()} text.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class QueryOverPostgresTypesLoadTest extends LoadTestSupport {
    private String on;

    QueryOverPostgresTypesLoadTest() {
        super(Db.MEMORY);
    }

    /**
     * pgjdbc builds java.sql time values in the JVM's zone: a zone away from UTC shows whether an instant is taken
     * as wall-clock fields somewhere.
     */
    private TimeZone zone;

    @BeforeEach
    void awayFromUtc() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void backToTheJvmZone() {
        TimeZone.setDefault(zone);
    }

    @BeforeEach
    void source(EmbeddedPostgresServer pg) {
        on = " ON " + lit("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + EmbeddedPostgresServer.DATABASE
                + "?user=" + EmbeddedPostgresServer.USER + "&password=" + EmbeddedPostgresServer.PASSWORD);
    }

    @Test
    void jsonAndJsonbAreParsedAndFlattenedLikeJson() throws Exception {
        load("LOAD PIPELINE pg FROM QUERY 'select 1 as id, ''{\"a\": 1, \"b\": {\"c\": \"x\"}, \"xs\": [1, 2]}''::jsonb as jb,"
                + " ''{\"k\": true}''::json as j, ''\"just text\"''::jsonb as s'" + on + " INTO ds.pg");
        List<String> columns = columns("ds", "pg");
        assertTrue(columns.containsAll(List.of("jb__a", "jb__b__c", "j__k", "s")), columns.toString());
        assertEquals("BIGINT", columnType("ds", "pg", "jb__a"));
        assertEquals("BOOLEAN", columnType("ds", "pg", "j__k"));
        assertEquals(List.of(List.of(1L, "x", true, "just text")), rows("SELECT jb__a, jb__b__c, j__k, s FROM ds.pg"));
        assertEquals(List.of("1", "2"), column("SELECT value FROM ds.pg__jb__xs ORDER BY _dlt_list_idx"));
    }

    @Test
    void uuidIntervalInetAndArraysAreValuesNotObjectText() throws Exception {
        load("LOAD PIPELINE pg FROM QUERY 'select ''00000000-0000-0000-0000-000000000001''::uuid as u,"
                + " interval ''3 days 2 hours'' as iv, ''10.0.0.1''::inet as ip, array[1, 2] as ints,"
                + " array[''{\"x\": 1}''::jsonb, ''{\"x\": 2}''::jsonb] as docs, array[array[''a'', ''b''], array[''c'', ''d'']] as grid,"
                + " array[interval ''1 day''] as ivs'" + on + " INTO ds.pg");
        assertEquals(List.of(List.of("00000000-0000-0000-0000-000000000001", "3 days 02:00:00", "10.0.0.1")),
                rows("SELECT u, iv, ip FROM ds.pg"));
        assertEquals("VARCHAR", columnType("ds", "pg", "iv"));
        assertEquals(List.of("1", "2"), column("SELECT value FROM ds.pg__ints ORDER BY _dlt_list_idx"));
        assertEquals(List.of("1", "2"), column("SELECT x FROM ds.pg__docs ORDER BY _dlt_list_idx"));
        assertEquals(List.of("a", "b", "c", "d"), column("SELECT value FROM ds.pg__grid__list ORDER BY _dlt_parent_id, _dlt_list_idx")
                .stream().sorted().toList());
        String interval = (String) one("SELECT value FROM ds.pg__ivs");
        assertFalse(interval.contains("PGInterval") || interval.contains("@"), interval);
        assertTrue(interval.contains("1 day"), interval);
    }

    @Test
    void arraysOfTimestamptzAndTimetzKeepTheirInstants() throws Exception {
        load("LOAD PIPELINE pg FROM QUERY 'select 1 as id, array[timestamptz ''2024-01-01 10:00:00+02''] as seen,"
                + " array[timetz ''10:00:00+02''] as clocks'" + on + " INTO ds.pg");
        assertEquals(OffsetDateTime.parse("2024-01-01T08:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT value FROM ds.pg__seen")).toInstant());
        assertEquals("TIME", columnType("ds", "pg__clocks", "value"));
        assertEquals("08:00:00", one("SELECT CAST(value AS VARCHAR) FROM ds.pg__clocks"), "at UTC, like a timetz column");
    }

    @Test
    void timeTimetzAndTimestamptzKeepTheirTypes() throws Exception {
        load("LOAD PIPELINE pg FROM QUERY 'select time ''10:00:00.123'' as t, timetz ''10:00:00+02'' as ttz,"
                + " timestamptz ''2024-01-01 10:00:00+02'' as ts, timestamp ''2024-01-01 10:00:00.5'' as naive'" + on + " INTO ds.pg");
        assertEquals("TIME", columnType("ds", "pg", "t"));
        assertEquals("TIME", columnType("ds", "pg", "ttz"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("ds", "pg", "ts"));
        assertEquals(List.of(List.of("10:00:00.123", "08:00:00")),
                rows("SELECT CAST(t AS VARCHAR), CAST(ttz AS VARCHAR) FROM ds.pg"));
        assertEquals(OffsetDateTime.parse("2024-01-01T08:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT ts FROM ds.pg")).toInstant());
        assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00.5Z").toInstant(),
                ((OffsetDateTime) one("SELECT naive FROM ds.pg")).toInstant());
    }
}
