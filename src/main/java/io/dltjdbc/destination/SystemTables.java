package io.dltjdbc.destination;

import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dlt's bookkeeping tables in a dataset (SPEC §5), with dlt's columns: {@code _dlt_loads},
 * {@code _dlt_version}, {@code _dlt_pipeline_state}. Plain JDBC with parameters, so every SQL
 * destination shares it; only types and quoting come from the destination. Destinations without an
 * {@code information_schema} (BigQuery) override the lookups ({@link #tableExists}, {@link #datasetsWithPipelines}).
 */
public class SystemTables {
    public static final String LOADS = "_dlt_loads";
    public static final String VERSION = "_dlt_version";
    public static final String STATE = "_dlt_pipeline_state";
    public static final int STATE_ENGINE_VERSION = 4;

    private static final Map<String, List<Object[]>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(LOADS, List.of(
                new Object[] {"load_id", DltType.TEXT, false},
                new Object[] {"schema_name", DltType.TEXT, true},
                new Object[] {"status", DltType.BIGINT, false},
                new Object[] {"inserted_at", DltType.TIMESTAMP, false},
                new Object[] {"schema_version_hash", DltType.TEXT, true}));
        COLUMNS.put(VERSION, List.of(
                new Object[] {"version", DltType.BIGINT, false},
                new Object[] {"engine_version", DltType.BIGINT, false},
                new Object[] {"inserted_at", DltType.TIMESTAMP, false},
                new Object[] {"schema_name", DltType.TEXT, false},
                new Object[] {"version_hash", DltType.TEXT, false},
                new Object[] {"schema", DltType.TEXT, false}));
        COLUMNS.put(STATE, List.of(
                new Object[] {"version", DltType.BIGINT, false},
                new Object[] {"engine_version", DltType.BIGINT, false},
                new Object[] {"pipeline_name", DltType.TEXT, false},
                new Object[] {"state", DltType.TEXT, false},
                new Object[] {"created_at", DltType.TIMESTAMP, false},
                new Object[] {"version_hash", DltType.TEXT, true},
                new Object[] {"_dlt_load_id", DltType.TEXT, false},
                new Object[] {"_dlt_id", DltType.TEXT, false}));
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private final TypeMapper types;

    public SystemTables(Connection connection, SqlDialect dialect, TypeMapper types) {
        this.connection = connection;
        this.dialect = dialect;
        this.types = types;
    }

    public static boolean isSystemTable(String name) {
        return COLUMNS.containsKey(name);
    }

    public void create(String dataset) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<Object[]>> table : COLUMNS.entrySet()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                        .append(dialect.qualified(dataset, table.getKey())).append(" (");
                String separator = "";
                for (Object[] column : table.getValue()) {
                    ddl.append(separator).append(dialect.quoteIdentifier((String) column[0])).append(' ')
                            .append(types.sqlType((DltType) column[1], null, null))
                            .append((Boolean) column[2] ? "" : " NOT NULL");
                    separator = ", ";
                }
                statement.execute(ddl.append(')').toString());
            }
        }
    }

    public void insertLoad(String dataset, String loadId, String schemaName, int status, String schemaHash,
            OffsetDateTime insertedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.qualified(dataset, LOADS)
                + " (load_id, schema_name, status, inserted_at, schema_version_hash) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, loadId);
            insert.setString(2, schemaName);
            insert.setLong(3, status);
            insert.setObject(4, insertedAt);
            insert.setString(5, schemaHash);
            insert.executeUpdate();
        }
    }

    public void insertVersion(String dataset, long version, String schemaName, String hash, String schemaJson,
            OffsetDateTime insertedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.qualified(dataset, VERSION)
                + " (version, engine_version, inserted_at, schema_name, version_hash, schema) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, version);
            insert.setLong(2, io.dltjdbc.schema.Schema.ENGINE_VERSION);
            insert.setObject(3, insertedAt);
            insert.setString(4, schemaName);
            insert.setString(5, hash);
            insert.setString(6, schemaJson);
            insert.executeUpdate();
        }
    }

    public void insertState(String dataset, long version, String pipelineName, String state, String hash, String loadId,
            String rowId, OffsetDateTime createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.qualified(dataset, STATE)
                + " (version, engine_version, pipeline_name, state, created_at, version_hash, _dlt_load_id, _dlt_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, version);
            insert.setLong(2, STATE_ENGINE_VERSION);
            insert.setString(3, pipelineName);
            insert.setString(4, state);
            insert.setObject(5, createdAt);
            insert.setString(6, hash);
            insert.setString(7, loadId);
            insert.setString(8, rowId);
            insert.executeUpdate();
        }
    }

    /** The newest stored schema of that name, as JSON. */
    public Optional<String> latestSchema(String dataset, String schemaName) throws SQLException {
        if (!tableExists(dataset, VERSION)) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT schema FROM " + dialect.qualified(dataset, VERSION)
                + " WHERE schema_name = ? ORDER BY version DESC, inserted_at DESC LIMIT 1")) {
            query.setString(1, schemaName);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The schema a load stores: its own, or, when another load stored a version at least as new while this one
     * was normalizing, its own merged with that one so that neither load's tables and columns go missing from
     * the newest {@code _dlt_version}. Call it inside the load's transaction, after the dataset lock.
     */
    public Schema schemaToStore(String dataset, Schema ours) throws SQLException {
        Optional<String> newest = latestSchema(dataset, ours.name());
        if (newest.isEmpty()) {
            return ours;
        }
        Schema stored = Schema.fromJson(newest.get());
        if (stored.version() < ours.version() || stored.versionHash().equals(ours.versionHash())) {
            return ours;
        }
        return ours.mergedWith(stored);
    }

    /** The newest stored state of the pipeline: {version, state (compressed)}. */
    public Optional<StoredState> latestState(String dataset, String pipelineName) throws SQLException {
        if (!tableExists(dataset, STATE)) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT version, state, _dlt_load_id FROM "
                + dialect.qualified(dataset, STATE) + " WHERE pipeline_name = ? ORDER BY version DESC, created_at DESC LIMIT 1")) {
            query.setString(1, pipelineName);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new StoredState(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** A pipeline's state row as stored. */
    public record StoredState(long version, String state, String loadId) {
    }

    public boolean tableExists(String dataset, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, dataset);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Every dataset that holds a pipeline state table: where pipelines live. */
    public List<String> datasetsWithPipelines() throws SQLException {
        List<String> datasets = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = ? ORDER BY 1")) {
            query.setString(1, STATE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    datasets.add(rows.getString(1));
                }
            }
        }
        return datasets;
    }
}
