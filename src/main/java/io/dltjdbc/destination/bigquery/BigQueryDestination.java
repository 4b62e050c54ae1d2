package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.SqlDialect;
import io.dltjdbc.destination.SystemTables;
import io.dltjdbc.driver.metadata.TypeInfoRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * An open BigQuery project: the client, a {@link BigQueryJdbcConnection} for plain SQL and metadata, load jobs
 * for loads. A dataset is a BigQuery dataset, created in the configured location.
 */
final class BigQueryDestination implements Destination {
    static final List<TypeInfoRow> TYPE_INFO = List.of(
            new TypeInfoRow("BOOL", Types.BOOLEAN, 1, null, null, false, false, false, 0),
            new TypeInfoRow("INT64", Types.BIGINT, 19, null, null, false, false, false, 0),
            new TypeInfoRow("FLOAT64", Types.DOUBLE, 15, null, null, false, false, false, 0),
            new TypeInfoRow("NUMERIC", Types.NUMERIC, 38, null, "precision,scale", false, false, true, 9),
            new TypeInfoRow("BIGNUMERIC", Types.NUMERIC, 76, null, "precision,scale", false, false, true, 38),
            new TypeInfoRow("STRING", Types.VARCHAR, Integer.MAX_VALUE, "'", "length", true, false, false, 0),
            new TypeInfoRow("BYTES", Types.VARBINARY, Integer.MAX_VALUE, "b'", "length", false, false, false, 0),
            new TypeInfoRow("DATE", Types.DATE, 10, "'", null, false, false, false, 0),
            new TypeInfoRow("TIME", Types.TIME, 15, "'", null, false, false, false, 6),
            new TypeInfoRow("DATETIME", Types.TIMESTAMP, 26, "'", null, false, false, false, 6),
            new TypeInfoRow("TIMESTAMP", Types.TIMESTAMP, 32, "'", null, false, false, false, 6),
            new TypeInfoRow("JSON", Types.VARCHAR, Integer.MAX_VALUE, "'", null, true, false, false, 0),
            new TypeInfoRow("GEOGRAPHY", Types.VARCHAR, Integer.MAX_VALUE, "'", null, true, false, false, 0));

    private final BigQuery bigquery;
    private final String project;
    private final String location;
    private final BigQueryJdbcConnection connection;

    BigQueryDestination(BigQuery bigquery, String project, String location, String dataset) {
        this.bigquery = bigquery;
        this.project = project;
        this.location = location;
        this.connection = new BigQueryJdbcConnection(bigquery, project, location, dataset);
    }

    @Override
    public String name() {
        return "bigquery";
    }

    @Override
    public Connection sqlConnection() {
        return connection;
    }

    @Override
    public SqlDialect dialect() {
        return BigQueryDialect.INSTANCE;
    }

    /** Creates the dataset in the configured location when it is missing, and makes it the default dataset of queries. */
    @Override
    public void useDataset(String dataset) throws SQLException {
        ensureDataset(dataset);
        connection.dataset(dataset);
    }

    void ensureDataset(String dataset) throws SQLException {
        if (datasetExists(dataset)) {
            return;
        }
        try {
            bigquery.create(DatasetInfo.newBuilder(DatasetId.of(project, dataset)).setLocation(location).build());
        } catch (BigQueryException e) {
            if (e.getCode() != 409) { // created meanwhile
                throw BigQueryErrors.of("cannot create dataset " + dataset + " in " + location, e);
            }
        }
    }

    @Override
    public boolean datasetExists(String dataset) throws SQLException {
        try {
            return bigquery.getDataset(DatasetId.of(project, dataset)) != null;
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot look up dataset " + dataset, e);
        }
    }

    @Override
    public Loader loader() {
        return new BigQueryLoader(this, connection);
    }

    @Override
    public SystemTables systemTables() {
        return new BigQuerySystemTables(connection);
    }

    @Override
    public int maxIdentifierLength() {
        return 300;
    }

    @Override
    public List<TypeInfoRow> typeInfo() {
        return TYPE_INFO;
    }

    @Override
    public void close() {
        connection.close();
    }
}
