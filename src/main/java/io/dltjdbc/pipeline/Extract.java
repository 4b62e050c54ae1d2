package io.dltjdbc.pipeline;

import io.dltjdbc.pipeline.source.RowReaderSupplier;

/**
 * One stream of items headed for one root table (a dlt resource): where it reads from, the table name
 * before normalization, and the resource's own defaults that statement options may override.
 *
 * @param stateSource the source name its state lives under ({@code sources.<stateSource>.resources.<table>})
 */
record Extract(String table, RowReaderSupplier rows, String writeDisposition, String columnHints, String stateSource) {
}
