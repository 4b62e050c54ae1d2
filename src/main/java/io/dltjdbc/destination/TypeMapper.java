package io.dltjdbc.destination;

import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;

/** dlt's data types to one destination's SQL types (DLT-SEMANTICS §5). */
public interface TypeMapper {

    String sqlType(DltType type, Integer precision, Integer scale);

    default String sqlType(Column column) {
        return sqlType(column.type(), column.precision(), column.scale());
    }
}
