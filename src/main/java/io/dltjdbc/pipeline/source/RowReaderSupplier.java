package io.dltjdbc.pipeline.source;

import java.sql.SQLException;

/** Opens a fresh {@link RowReader}; nothing is fetched before {@link #open()}. */
@FunctionalInterface
public interface RowReaderSupplier {
    RowReader open() throws SQLException;
}
