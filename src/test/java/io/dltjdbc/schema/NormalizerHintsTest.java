package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flag hints (partition, cluster, sort, unique, distkey) given on a later load, and kept by later loads. */
class NormalizerHintsTest {
    private static final NamingConvention NAMING = new NamingConvention(63);

    private static Normalizer load(Schema schema, String hints, Map<String, Object> item) throws Exception {
        NormalizerOptions options = NormalizerOptions.defaults().withColumnHints(ColumnHints.parse(hints));
        Normalizer normalizer = new Normalizer(schema, "events", options, NAMING, "L");
        normalizer.normalize(item, (table, row) -> { });
        return normalizer;
    }

    @Test
    void flagHintsOnALaterLoadAreMergedIntoTheExistingColumn() throws Exception {
        Schema schema = new Schema("p");
        load(schema, "", Map.of("id", 1, "region", "eu"));
        int version = schema.version();

        Normalizer second = load(schema, "region cluster, id unique sort", Map.of("id", 2, "region", "us"));

        assertTrue(second.schemaChanged(), "the merged hints are a schema change, stored in _dlt_version");
        assertEquals(version + 1, schema.version());
        Column region = schema.table("events").column("region");
        assertEquals(DltType.TEXT, region.type());
        assertEquals(Map.of("cluster", "true"), region.hints());
        assertEquals(Map.of("unique", "true", "sort", "true"), schema.table("events").column("id").hints());
        assertTrue(schema.toJson().contains("\"cluster\":true"), schema.toJson());
    }

    @Test
    void aLaterHintKeepsTheColumnTypeAndWarnsButStillAddsItsFlags() throws Exception {
        Schema schema = new Schema("p");
        load(schema, "", Map.of("region", "eu"));

        Normalizer second = load(schema, "region bigint partition", Map.of("region", "us"));

        Column region = schema.table("events").column("region");
        assertEquals(DltType.TEXT, region.type());
        assertTrue(region.hasHint("partition"));
        assertEquals(1, second.warnings().size(), second.warnings().toString());
    }

    @Test
    void earlierHintsAreAddedToNotReplaced() throws Exception {
        Schema schema = new Schema("p");
        load(schema, "region text partition", Map.of("region", "eu"));

        load(schema, "region cluster", Map.of("region", "us"));

        assertEquals(Map.of("partition", "true", "cluster", "true"), schema.table("events").column("region").hints());
    }

    @Test
    void repeatingTheSameHintsIsNoSchemaChange() throws Exception {
        Schema schema = new Schema("p");
        load(schema, "region text cluster", Map.of("region", "eu"));

        Normalizer second = load(schema, "region text cluster", Map.of("region", "us"));

        assertFalse(second.schemaChanged());
    }

    @Test
    void hintsStoredByAnEarlierLoadSurviveALoadWithoutTheColumnsOption() throws Exception {
        Schema first = new Schema("p");
        load(first, "", Map.of("region", "eu"));
        load(first, "region cluster", Map.of("region", "eu"));
        Schema stored = Schema.fromJson(first.toJson());

        Normalizer third = load(stored, "", Map.of("region", "us", "extra", 1));

        assertTrue(third.schemaChanged(), "the new column changes the schema");
        assertTrue(stored.table("events").column("region").hasHint("cluster"));
        assertTrue(Schema.fromJson(stored.toJson()).table("events").column("region").hasHint("cluster"));
    }
}
