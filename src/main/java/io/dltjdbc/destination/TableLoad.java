package io.dltjdbc.destination;

import io.dltjdbc.schema.Table;
import java.nio.file.Path;

/**
 * One table's part of a load: the staged rows (newline-delimited JSON, one object per row keyed by
 * column name; null when the load has no rows for it) and how many there are.
 */
public record TableLoad(Table table, Path stagedFile, long rows) {
}
