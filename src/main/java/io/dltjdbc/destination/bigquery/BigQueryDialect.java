package io.dltjdbc.destination.bigquery;

import io.dltjdbc.destination.SqlDialect;

/** GoogleSQL spelling: identifiers in backticks (backslash escapes), string literals with backslash escapes. */
final class BigQueryDialect implements SqlDialect {
    static final BigQueryDialect INSTANCE = new BigQueryDialect();

    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }

    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
