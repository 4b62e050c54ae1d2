package io.dltjdbc.testkit.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake server keeps partitioning and clustering as BigQuery does, so that loader tests can fail: the client's
 * update is tables.patch (omitted options stay), tables.update (PUT) replaces the resource, partitioning can't be
 * added or changed on an existing table, clustering can.
 */
class FakeTableOptionsTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();
    private static final Schema SCHEMA = Schema.of(Field.of("ts", StandardSQLTypeName.TIMESTAMP), Field.of("region", StandardSQLTypeName.STRING),
            Field.of("amount", StandardSQLTypeName.FLOAT64));
    private static FakeBigQueryServer server;
    private static BigQuery client;
    private TableId id;

    @BeforeAll
    static void start() throws Exception {
        server = new FakeBigQueryServer();
        client = BigQueryOptions.newBuilder().setProjectId("p").setHost(server.endpoint()).setCredentials(NoCredentials.getInstance())
                .build().getService();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void dataset() {
        String dataset = "fto" + DATASETS.incrementAndGet();
        client.create(DatasetInfo.of(dataset));
        id = TableId.of("p", dataset, "t");
    }

    private Table create(StandardTableDefinition.Builder definition) {
        return client.create(TableInfo.of(id, definition.setSchema(SCHEMA).build()));
    }

    private static StandardTableDefinition.Builder partitioned() {
        return StandardTableDefinition.newBuilder().setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField("ts").build())
                .setClustering(Clustering.newBuilder().setFields(List.of("region")).build());
    }

    private StandardTableDefinition stored() {
        return client.getTable(id).getDefinition();
    }

    @Test
    void insertKeepsPartitioningAndClusteringAndGetReturnsThem() {
        create(partitioned());

        assertEquals("ts", stored().getTimePartitioning().getField());
        assertEquals(List.of("region"), stored().getClustering().getFields());
    }

    @Test
    void clientUpdateIsAPatchThatKeepsWhatItOmits() {
        Table table = create(partitioned());

        client.update(table.toBuilder().setDefinition(StandardTableDefinition.of(Schema.of(SCHEMA.getFields().get(0), SCHEMA.getFields().get(1),
                SCHEMA.getFields().get(2), Field.of("extra", StandardSQLTypeName.STRING)))).build());

        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("PATCH ") && r.contains("/tables/t")), server.requests().toString());
        assertEquals(4, stored().getSchema().getFields().size());
        assertEquals("ts", stored().getTimePartitioning().getField());
        assertEquals(List.of("region"), stored().getClustering().getFields());
    }

    @Test
    void patchCanChangeClusteringButNotPartitioning() {
        Table table = create(partitioned());
        StandardTableDefinition definition = table.getDefinition();

        client.update(table.toBuilder().setDefinition(definition.toBuilder().setClustering(Clustering.newBuilder()
                .setFields(List.of("ts", "region")).build()).build()).build());
        BigQueryException changed = assertThrows(BigQueryException.class, () -> client.update(table.toBuilder().setDefinition(
                definition.toBuilder().setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.MONTH).setField("ts").build())
                        .build()).build()));

        assertEquals(List.of("ts", "region"), stored().getClustering().getFields());
        assertEquals(400, changed.getCode());
        assertTrue(changed.getMessage().contains("Cannot change partitioning"), changed.getMessage());
        assertEquals(TimePartitioning.Type.DAY, stored().getTimePartitioning().getType());
    }

    @Test
    void patchCannotPartitionAnExistingTable() {
        Table table = create(StandardTableDefinition.newBuilder());

        BigQueryException e = assertThrows(BigQueryException.class, () -> client.update(table.toBuilder().setDefinition(
                partitioned().setSchema(SCHEMA).build()).build()));

        assertTrue(e.getMessage().contains("Cannot convert non-partitioned table to partitioned table"), e.getMessage());
        assertNull(stored().getTimePartitioning());
        assertNull(stored().getClustering());
    }

    @Test
    void updateIsAFullReplaceSoOmittedPartitioningFailsAndOmittedClusteringIsDropped() throws Exception {
        create(partitioned());
        String url = server.endpoint() + "/bigquery/v2/projects/p/datasets/" + id.getDataset() + "/tables/t";
        String schema = "{\"fields\":[{\"name\":\"ts\",\"type\":\"TIMESTAMP\"},{\"name\":\"region\",\"type\":\"STRING\"},"
                + "{\"name\":\"amount\",\"type\":\"FLOAT\"}]}";

        HttpResponse<String> withoutPartitioning = put(url, "{\"schema\":" + schema + "}");
        HttpResponse<String> withoutClustering = put(url, "{\"schema\":" + schema + ",\"timePartitioning\":{\"type\":\"DAY\",\"field\":\"ts\"}}");

        assertEquals(400, withoutPartitioning.statusCode(), withoutPartitioning.body());
        assertEquals(200, withoutClustering.statusCode(), withoutClustering.body());
        assertNull(stored().getClustering());
        assertEquals("ts", stored().getTimePartitioning().getField());
    }

    @Test
    void invalidOptionsAreRejectedWhenTheTableIsCreated() {
        BigQueryException tooMany = assertThrows(BigQueryException.class, () -> create(StandardTableDefinition.newBuilder()
                .setClustering(Clustering.newBuilder().setFields(List.of("ts", "region", "ts", "region", "ts")).build())));
        BigQueryException wrongType = assertThrows(BigQueryException.class, () -> create(StandardTableDefinition.newBuilder()
                .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField("region").build())));
        BigQueryException floatCluster = assertThrows(BigQueryException.class, () -> create(StandardTableDefinition.newBuilder()
                .setClustering(Clustering.newBuilder().setFields(List.of("amount")).build())));

        assertTrue(tooMany.getMessage().contains("Too many clustering fields"), tooMany.getMessage());
        assertTrue(wrongType.getMessage().contains("partitioning"), wrongType.getMessage());
        assertTrue(floatCluster.getMessage().contains("FLOAT"), floatCluster.getMessage());
        assertNull(client.getTable(id));
    }

    private static HttpResponse<String> put(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
