package io.dltjdbc.driver.metadata;

import java.sql.DatabaseMetaData;

/** One row of {@code getTypeInfo}, for destinations whose driver has none. */
public record TypeInfoRow(String name, int jdbcType, int precision, String literalQuote, String createParams, boolean caseSensitive,
        boolean unsigned, boolean fixedPrecision, int maxScale) {

    public Object[] row() {
        return new Object[] {name, jdbcType, precision, literalQuote, literalQuote, createParams,
            (short) DatabaseMetaData.typeNullable, caseSensitive, (short) DatabaseMetaData.typeSearchable, unsigned, fixedPrecision,
            false, name, (short) 0, (short) maxScale, null, null, 10};
    }
}
