package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.RangePartitioning;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TimePartitioning;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's {@code partition} and {@code cluster} column hints as BigQuery table options, as dlt's bigquery
 * destination makes them: {@code partition} on a DATE column is daily partitioning on it, on a TIMESTAMP column
 * daily partitioning on it too (dlt's {@code PARTITION BY DATE(col)}), on a BIGINT column integer-range
 * partitioning over dlt's range, which reads the column as unix seconds ({@value #RANGE_START} to
 * {@value #RANGE_END} by {@value #RANGE_INTERVAL}: one bucket a day, BigQuery's 10,000 partitions).
 * {@code cluster} is clustering on the hinted columns in column order. What BigQuery would refuse is refused
 * here, before the load writes anything.
 */
final class BigQueryTableHints {
    static final long RANGE_START = -172_800_000L;
    static final long RANGE_END = 691_200_000L;
    static final long RANGE_INTERVAL = 86_400L;
    static final int MAX_CLUSTERING_FIELDS = 4;

    private final Column partition;
    private final List<String> clustering;

    private BigQueryTableHints(Column partition, List<String> clustering) {
        this.partition = partition;
        this.clustering = List.copyOf(clustering);
    }

    /** The hints of the table's columns (those with a type); 22023 when BigQuery could not apply them. */
    static BigQueryTableHints of(Table table) throws SQLException {
        List<Column> partitioned = new ArrayList<>();
        List<String> clustered = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column.hasHint("partition")) {
                partitioned.add(column);
            }
            if (column.hasHint("cluster")) {
                if (column.type() == DltType.DOUBLE || column.type() == DltType.JSON) {
                    throw DltSqlState.INVALID_PARAMETER_VALUE.exception("BigQuery: column '" + column.name() + "' of table '"
                            + table.name() + "' has the cluster hint but type " + column.type().dltName()
                            + "; BigQuery cannot cluster by FLOAT64 or JSON columns: remove 'cluster' from it");
                }
                clustered.add(column.name());
            }
        }
        if (partitioned.size() > 1) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("BigQuery: the partition hint is on " + partitioned.size()
                    + " columns of table '" + table.name() + "' (" + String.join(", ", partitioned.stream().map(Column::name).toList())
                    + "); BigQuery partitions a table by one column: keep 'partition' on one of them");
        }
        Column partition = partitioned.isEmpty() ? null : partitioned.get(0);
        if (partition != null && partition.type() != DltType.DATE && partition.type() != DltType.TIMESTAMP
                && partition.type() != DltType.BIGINT) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("BigQuery: column '" + partition.name() + "' of table '"
                    + table.name() + "' has the partition hint but type " + partition.type().dltName()
                    + "; BigQuery partitions by a date or timestamp column (one partition a day) or a bigint column"
                    + " (integer ranges of unix seconds)");
        }
        if (clustered.size() > MAX_CLUSTERING_FIELDS) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("BigQuery: the cluster hint is on " + clustered.size()
                    + " columns of table '" + table.name() + "' (" + String.join(", ", clustered) + "); BigQuery clusters by at most "
                    + MAX_CLUSTERING_FIELDS + " columns");
        }
        return new BigQueryTableHints(partition, clustered);
    }

    /** The definition of a new table with its partitioning and clustering. */
    StandardTableDefinition.Builder applyTo(StandardTableDefinition.Builder definition) {
        if (partition != null && partition.type() == DltType.BIGINT) {
            definition.setRangePartitioning(RangePartitioning.newBuilder().setField(partition.name())
                    .setRange(RangePartitioning.Range.newBuilder().setStart(RANGE_START).setEnd(RANGE_END).setInterval(RANGE_INTERVAL).build())
                    .build());
        } else if (partition != null) {
            definition.setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField(partition.name()).build());
        }
        Clustering wanted = clustering();
        if (wanted != null) {
            definition.setClustering(wanted);
        }
        return definition;
    }

    /** The hinted clustering, or null when no column has the hint. */
    Clustering clustering() {
        return clustering.isEmpty() ? null : Clustering.newBuilder().setFields(clustering).build();
    }

    /** Whether an existing table is clustered by other columns than the hinted ones (none hinted: never). */
    boolean clusteringDiffers(StandardTableDefinition existing) {
        if (clustering.isEmpty()) {
            return false;
        }
        Clustering current = existing.getClustering();
        return current == null || !lower(current.getFields()).equals(lower(clustering));
    }

    /**
     * Why an existing table can't get the hinted partitioning (BigQuery partitions only when creating a table),
     * or null when nothing is hinted or it is partitioned by the hinted column already.
     */
    String partitionNotApplied(StandardTableDefinition existing) {
        if (partition == null) {
            return null;
        }
        String field = null;
        if (existing.getTimePartitioning() != null) {
            field = existing.getTimePartitioning().getField() == null ? "_PARTITIONTIME" : existing.getTimePartitioning().getField();
        } else if (existing.getRangePartitioning() != null) {
            field = existing.getRangePartitioning().getField();
        }
        if (field != null && field.equalsIgnoreCase(partition.name())) {
            return null;
        }
        return "the partition hint on column '" + partition.name() + "' is not applied: the table exists and is "
                + (field == null ? "not partitioned" : "partitioned by '" + field + "'")
                + ", and BigQuery sets partitioning only when it creates a table (drop the table and load again to have it"
                + " partitioned)";
    }

    private static List<String> lower(List<String> names) {
        return names == null ? List.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
