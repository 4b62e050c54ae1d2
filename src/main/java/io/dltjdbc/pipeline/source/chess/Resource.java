package io.dltjdbc.pipeline.source.chess;

import io.dltjdbc.pipeline.source.RowReaderSupplier;

/**
 * One resource of a built-in source.
 *
 * @param name              table name (dlt's resource name)
 * @param writeDisposition  {@code replace} or {@code append}
 * @param columnsHint       type hints in the {@code columns} option syntax, e.g.
 *                          {@code "end_time timestamp"}, or null
 * @param rows              opens the items; fetching happens only while reading
 */
public record Resource(String name, String writeDisposition, String columnsHint, RowReaderSupplier rows) {
}
