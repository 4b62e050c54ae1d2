package io.dltjdbc.destination;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An open destination behind one dlt connection: the vendor driver's connection for passthrough SQL
 * and metadata, plus what the pipeline needs to write (dialect, loader).
 */
public interface Destination extends AutoCloseable {

    String name();

    /** The destination driver's own connection; the dlt connection delegates plain SQL to it. */
    Connection sqlConnection();

    SqlDialect dialect();

    /** Makes {@code dataset} the default schema for unqualified names (created if it does not exist). */
    void useDataset(String dataset) throws SQLException;

    /** Whether the dataset (schema) exists already. */
    boolean datasetExists(String dataset) throws SQLException;

    /** Writes load packages atomically. */
    Loader loader();

    /** Reads and writes dlt's bookkeeping tables. */
    SystemTables systemTables();

    /** Longest identifier the destination accepts; names are shortened to it. */
    int maxIdentifierLength();

    /** Rows for {@code DatabaseMetaData.getTypeInfo} when the destination's driver has none. */
    default java.util.List<io.dltjdbc.driver.metadata.TypeInfoRow> typeInfo() {
        return java.util.List.of();
    }

    @Override
    void close() throws SQLException;
}
