package io.dltjdbc.pipeline;

import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.SqlDialect;
import io.dltjdbc.destination.SystemTables;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.driver.InMemoryResultSet.Column;
import io.dltjdbc.schema.NamingConvention;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline commands of SPEC §3, answered from dlt's system tables in every dataset of the
 * destination: {@code SHOW PIPELINES}, {@code SHOW LOADS}, {@code SHOW PIPELINE}, {@code DROP PIPELINE}.
 */
final class PipelineCatalog {
    private final Destination destination;
    private final Connection sql;
    private final SqlDialect dialect;
    private final SystemTables system;
    private final NamingConvention naming;

    PipelineCatalog(DltConnection connection) {
        this.destination = connection.destination();
        this.sql = destination.sqlConnection();
        this.dialect = destination.dialect();
        this.system = destination.systemTables();
        this.naming = new NamingConvention(destination.maxIdentifierLength());
    }

    /** A pipeline found in a dataset, with its newest state. */
    private record Found(String pipeline, String dataset, PipelineState state, String lastLoadId) {
    }

    private List<Found> pipelines(String onlyName) throws SQLException {
        List<Found> found = new ArrayList<>();
        for (String dataset : system.datasetsWithPipelines()) {
            for (String name : pipelineNames(dataset)) {
                if (onlyName != null && !onlyName.equals(name)) {
                    continue;
                }
                Optional<SystemTables.StoredState> stored = system.latestState(dataset, name);
                if (stored.isPresent()) {
                    found.add(new Found(name, dataset, PipelineState.decode(stored.get().state(), stored.get().version()),
                            lastLoadId(dataset, naming.normalizeIdentifier(name))));
                }
            }
        }
        return found;
    }

    private List<String> pipelineNames(String dataset) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT pipeline_name FROM "
                     + dialect.qualified(dataset, SystemTables.STATE) + " ORDER BY 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private String lastLoadId(String dataset, String schemaName) throws SQLException {
        if (!system.tableExists(dataset, SystemTables.LOADS)) {
            return null;
        }
        try (PreparedStatement query = sql.prepareStatement("SELECT max(load_id) FROM " + dialect.qualified(dataset, SystemTables.LOADS)
                + " WHERE schema_name = ? AND status = 0")) {
            query.setString(1, schemaName);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    InMemoryResultSet showPipelines() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Found found : pipelines(null)) {
            rows.add(new Object[] {found.pipeline(), found.dataset(), destination.name(), found.lastLoadId(), found.state().version()});
        }
        return new InMemoryResultSet(List.of(Column.text("pipeline_name"), Column.text("dataset_name"),
                Column.text("destination_name"), Column.text("last_load_id"), Column.bigint("state_version")), rows);
    }

    InMemoryResultSet showLoads(String pipeline) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        if (pipeline != null) {
            for (Found found : pipelines(pipeline)) {
                datasets.add(found.dataset());
            }
        } else {
            datasets.addAll(system.datasetsWithPipelines());
        }
        for (String dataset : datasets) {
            if (!system.tableExists(dataset, SystemTables.LOADS)) {
                continue;
            }
            String where = pipeline == null ? "" : " WHERE schema_name = ?";
            try (PreparedStatement query = sql.prepareStatement("SELECT load_id, schema_name, status, inserted_at, schema_version_hash FROM "
                    + dialect.qualified(dataset, SystemTables.LOADS) + where + " ORDER BY load_id")) {
                if (pipeline != null) {
                    query.setString(1, naming.normalizeIdentifier(pipeline));
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Object[] {result.getString(1), result.getString(2), result.getLong(3),
                                result.getObject(4, OffsetDateTime.class), result.getString(5), dataset});
                    }
                }
            }
        }
        return new InMemoryResultSet(List.of(Column.text("load_id"), Column.text("schema_name"), Column.bigint("status"),
                Column.timestamp("inserted_at"), Column.text("schema_version_hash"), Column.text("dataset_name")), rows);
    }

    /** {@code SHOW REJECTED [FOR 'load_id']}: the rows {@code on_error = 'skip_row'} set aside, from every dataset. */
    InMemoryResultSet showRejected(String loadId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String dataset : system.datasetsWithPipelines()) {
            if (!system.tableExists(dataset, RejectedRows.TABLE)) {
                continue;
            }
            String where = loadId == null ? "" : " WHERE " + dialect.quoteIdentifier("load_id") + " = ?";
            try (PreparedStatement query = sql.prepareStatement("SELECT load_id, table_name, source, line_number, error, raw_row FROM "
                    + dialect.qualified(dataset, RejectedRows.TABLE) + where + " ORDER BY load_id, source, line_number")) {
                if (loadId != null) {
                    query.setString(1, loadId);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        long line = result.getLong(4);
                        rows.add(new Object[] {result.getString(1), dataset, result.getString(2), result.getString(3),
                                result.wasNull() ? null : line, result.getString(5), result.getString(6)});
                    }
                }
            }
        }
        return new InMemoryResultSet(List.of(Column.text("load_id"), Column.text("dataset_name"), Column.text("table_name"),
                Column.text("source"), Column.bigint("line_number"), Column.text("error"), Column.text("raw_row")), rows);
    }

    InMemoryResultSet showPipeline(String pipeline) throws SQLException {
        Found found = single(pipeline);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"pipeline_name", found.pipeline()});
        rows.add(new Object[] {"dataset_name", found.dataset()});
        rows.add(new Object[] {"destination_name", destination.name()});
        rows.add(new Object[] {"last_load_id", found.lastLoadId()});
        rows.add(new Object[] {"state_version", String.valueOf(found.state().version())});
        String schemaName = naming.normalizeIdentifier(pipeline);
        Optional<String> schemaJson = system.latestSchema(found.dataset(), schemaName);
        if (schemaJson.isPresent()) {
            Schema schema = Schema.fromJson(schemaJson.get());
            rows.add(new Object[] {"schema_name", schema.name()});
            rows.add(new Object[] {"schema_version", String.valueOf(schema.version())});
            rows.add(new Object[] {"schema_version_hash", schema.versionHash()});
            List<String> tables = new ArrayList<>();
            for (Table table : schema.tables()) {
                tables.add(table.name());
            }
            rows.add(new Object[] {"tables", String.join(", ", tables)});
        }
        addCursors(found.state(), rows);
        return new InMemoryResultSet(List.of(Column.text("property"), Column.text("value")), rows);
    }

    /** One row per incremental cursor: {@code incremental.<resource>.<cursor>} = its last value. */
    @SuppressWarnings("unchecked")
    private static void addCursors(PipelineState state, List<Object[]> rows) {
        Object sources = state.get("sources");
        if (!(sources instanceof Map<?, ?> bySource)) {
            return;
        }
        for (Object source : bySource.values()) {
            Object resources = source instanceof Map<?, ?> map ? map.get("resources") : null;
            if (!(resources instanceof Map<?, ?> byResource)) {
                continue;
            }
            for (Map.Entry<?, ?> resource : byResource.entrySet()) {
                Object incremental = resource.getValue() instanceof Map<?, ?> r ? r.get("incremental") : null;
                if (incremental instanceof Map<?, ?> cursors) {
                    for (Map.Entry<?, ?> cursor : cursors.entrySet()) {
                        Object last = cursor.getValue() instanceof Map<?, ?> c ? ((Map<String, Object>) c).get("last_value") : null;
                        rows.add(new Object[] {"incremental." + resource.getKey() + "." + cursor.getKey(), String.valueOf(last)});
                    }
                }
            }
        }
    }

    private Found single(String pipeline) throws SQLException {
        List<Found> found = pipelines(pipeline);
        if (found.isEmpty()) {
            throw DltSqlState.UNDEFINED_OBJECT.exception("pipeline '" + pipeline + "' not found in any dataset of this "
                    + destination.name() + " destination; SHOW PIPELINES lists the known ones");
        }
        return found.get(0);
    }

    /** Forgets the pipeline's state; with tables also drops its tables, stored schemas and loads. Returns rows deleted. */
    long dropPipeline(String pipeline, boolean withTables) throws SQLException {
        List<String> datasets = new ArrayList<>();
        for (Found place : pipelines(pipeline)) {
            datasets.add(place.dataset());
        }
        if (withTables) {
            // a pipeline whose state a plain DROP PIPELINE forgot still owns its tables: found by its stored schema
            String schemaName = naming.normalizeIdentifier(pipeline);
            for (String dataset : system.datasetsWithPipelines()) {
                if (!datasets.contains(dataset) && system.latestSchema(dataset, schemaName).isPresent()) {
                    datasets.add(dataset);
                }
            }
        }
        if (datasets.isEmpty()) {
            single(pipeline);
        }
        boolean autoCommit = sql.getAutoCommit();
        sql.setAutoCommit(false);
        long deleted = 0;
        try {
            for (String dataset : datasets) {
                deleted += delete(dataset, SystemTables.STATE, "pipeline_name", pipeline);
                if (withTables) {
                    String schemaName = naming.normalizeIdentifier(pipeline);
                    Optional<String> schemaJson = system.latestSchema(dataset, schemaName);
                    if (schemaJson.isPresent()) {
                        List<Table> tables = new ArrayList<>(Schema.fromJson(schemaJson.get()).tables());
                        java.util.Collections.reverse(tables); // children before parents
                        try (Statement statement = sql.createStatement()) {
                            // merge leaves its staging copies in <dataset>_staging: they belong to the pipeline too
                            String staging = dataset + io.dltjdbc.destination.SqlLoader.STAGING_SUFFIX;
                            for (Table table : tables) {
                                statement.execute("DROP TABLE IF EXISTS " + dialect.qualified(dataset, table.name()));
                                statement.execute("DROP TABLE IF EXISTS " + dialect.qualified(staging, table.name()));
                            }
                        }
                    }
                    deleted += deleteRejected(dataset, schemaName);
                    deleted += delete(dataset, SystemTables.VERSION, "schema_name", schemaName);
                    deleted += delete(dataset, SystemTables.LOADS, "schema_name", schemaName);
                }
            }
            sql.commit();
        } catch (SQLException | RuntimeException e) {
            sql.rollback();
            throw e;
        } finally {
            sql.setAutoCommit(autoCommit);
        }
        return deleted;
    }

    /** The pipeline's rejected rows; the table itself is shared by every pipeline of the dataset and stays. */
    private long deleteRejected(String dataset, String schemaName) throws SQLException {
        if (!system.tableExists(dataset, RejectedRows.TABLE) || !system.tableExists(dataset, SystemTables.LOADS)) {
            return 0;
        }
        try (PreparedStatement delete = sql.prepareStatement("DELETE FROM " + dialect.qualified(dataset, RejectedRows.TABLE)
                + " WHERE " + dialect.quoteIdentifier("load_id") + " IN (SELECT " + dialect.quoteIdentifier("load_id") + " FROM "
                + dialect.qualified(dataset, SystemTables.LOADS) + " WHERE " + dialect.quoteIdentifier("schema_name") + " = ?)")) {
            delete.setString(1, schemaName);
            return delete.executeUpdate();
        }
    }

    private long delete(String dataset, String table, String column, String value) throws SQLException {
        if (!system.tableExists(dataset, table)) {
            return 0;
        }
        try (PreparedStatement delete = sql.prepareStatement("DELETE FROM " + dialect.qualified(dataset, table) + " WHERE "
                + dialect.quoteIdentifier(column) + " = ?")) {
            delete.setString(1, value);
            return delete.executeUpdate();
        }
    }
}
