package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.TableId;
import io.dltjdbc.destination.SystemTables;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * dlt's system tables in BigQuery: reads and writes are the shared SQL (GoogleSQL takes it as is, with
 * positional parameters); the lookups BigQuery answers without a region-qualified INFORMATION_SCHEMA come
 * from the API.
 */
final class BigQuerySystemTables extends SystemTables {
    private final BigQuery bigquery;
    private final String project;

    BigQuerySystemTables(BigQueryJdbcConnection connection) {
        super(connection, BigQueryDialect.INSTANCE, BigQueryTypeMapper.INSTANCE);
        this.bigquery = connection.bigquery();
        this.project = connection.project();
    }

    @Override
    public boolean tableExists(String dataset, String table) throws SQLException {
        try {
            return bigquery.getTable(TableId.of(project, dataset, table)) != null;
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw BigQueryErrors.of("cannot look up table " + dataset + "." + table, e);
        }
    }

    @Override
    public List<String> datasetsWithPipelines() throws SQLException {
        List<String> datasets = new ArrayList<>();
        try {
            for (Dataset dataset : bigquery.listDatasets(project, BigQuery.DatasetListOption.all()).iterateAll()) {
                String name = dataset.getDatasetId().getDataset();
                if (tableExists(name, STATE)) {
                    datasets.add(name);
                }
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot list the datasets of project " + project, e);
        }
        datasets.sort(null);
        return datasets;
    }
}
