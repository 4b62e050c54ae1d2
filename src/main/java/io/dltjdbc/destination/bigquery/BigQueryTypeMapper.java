package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.dltjdbc.destination.TypeMapper;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;

/** dlt's types as BigQuery's (DLT-SEMANTICS §5); decimals keep their precision where NUMERIC can hold it, as dlt does. */
final class BigQueryTypeMapper implements TypeMapper {
    static final BigQueryTypeMapper INSTANCE = new BigQueryTypeMapper();

    @Override
    public String sqlType(DltType type, Integer precision, Integer scale) {
        StandardSQLTypeName name = standardType(type, precision, scale);
        if (type == DltType.DECIMAL && precision != null) {
            return name.name() + "(" + precision + ", " + (scale == null ? 0 : scale) + ")";
        }
        return name.name();
    }

    static StandardSQLTypeName standardType(DltType type, Integer precision, Integer scale) {
        return switch (type) {
            case TEXT -> StandardSQLTypeName.STRING;
            case BIGINT -> StandardSQLTypeName.INT64;
            case DOUBLE -> StandardSQLTypeName.FLOAT64;
            case BOOL -> StandardSQLTypeName.BOOL;
            case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
            case DATE -> StandardSQLTypeName.DATE;
            case TIME -> StandardSQLTypeName.TIME;
            case DECIMAL -> fitsNumeric(precision, scale) ? StandardSQLTypeName.NUMERIC : StandardSQLTypeName.BIGNUMERIC;
            case BINARY -> StandardSQLTypeName.BYTES;
            case JSON -> StandardSQLTypeName.JSON;
        };
    }

    private static boolean fitsNumeric(Integer precision, Integer scale) {
        if (precision == null) {
            return true;
        }
        int s = scale == null ? 0 : scale;
        return s <= 9 && precision - s <= 29;
    }

    /** The table-schema field of a column: the same type, NULLABLE unless {@code required}. */
    static Field field(Column column, boolean required) {
        StandardSQLTypeName type = standardType(column.type(), column.precision(), column.scale());
        Field.Builder field = Field.newBuilder(column.name(), type).setMode(required ? Field.Mode.REQUIRED : Field.Mode.NULLABLE);
        if (column.type() == DltType.DECIMAL && column.precision() != null) {
            field.setPrecision((long) column.precision()).setScale((long) (column.scale() == null ? 0 : column.scale()));
        }
        return field.build();
    }
}
