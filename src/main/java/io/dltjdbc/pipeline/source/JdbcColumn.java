package io.dltjdbc.pipeline.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;

/**
 * Reads one column of a result set as the value the normalizer takes (see {@link JdbcValues}). Dates and
 * times are asked for as java.time classes, which keep fractions of a second and need no time zone; a driver
 * that can't convert to them (DuckDB for TIME) is asked for its own object instead, from then on.
 */
final class JdbcColumn {
    /** What the column holds, from the result set's metadata. */
    private enum Kind { TIMESTAMP, TIMESTAMP_TZ, DATE, TIME, TIME_TZ, INTEGER, JSON, OTHER }

    final String label;
    private final int index;
    private final Kind kind;
    private boolean noJavaTime;

    private JdbcColumn(String label, int index, Kind kind) {
        this.label = label;
        this.index = index;
        this.kind = kind;
    }

    static JdbcColumn of(ResultSetMetaData metaData, int index) throws SQLException {
        String typeName = metaData.getColumnTypeName(index);
        return new JdbcColumn(metaData.getColumnLabel(index), index, kind(metaData.getColumnType(index), typeName));
    }

    /** PostgreSQL reports timestamptz and timetz as TIMESTAMP and TIME: only their type names tell. */
    private static Kind kind(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        boolean zoned = name.endsWith("tz") || name.contains("with time zone");
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE: return Kind.TIMESTAMP_TZ;
            case Types.TIMESTAMP: return zoned ? Kind.TIMESTAMP_TZ : Kind.TIMESTAMP;
            case Types.DATE: return Kind.DATE;
            case Types.TIME_WITH_TIMEZONE: return Kind.TIME_TZ;
            case Types.TIME: return zoned ? Kind.TIME_TZ : Kind.TIME;
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: return Kind.INTEGER;
            default: return JdbcValues.isJsonType(typeName) ? Kind.JSON : Kind.OTHER;
        }
    }

    Object read(ResultSet rows) throws SQLException {
        switch (kind) {
            case TIMESTAMP: return javaTime(rows, LocalDateTime.class);
            case TIMESTAMP_TZ: return javaTime(rows, OffsetDateTime.class);
            case DATE: return javaTime(rows, LocalDate.class);
            case TIME: return javaTime(rows, LocalTime.class);
            case TIME_TZ: return javaTime(rows, OffsetTime.class);
            case INTEGER: {
                // getLong, not getObject: drivers differ in the boxed class (and MySQL's TINYINT(1) is a Boolean)
                long number = rows.getLong(index);
                return rows.wasNull() ? null : number;
            }
            case JSON: {
                String text = rows.getString(index);
                return text == null ? null : JsonValues.parse(text, "column " + label);
            }
            default:
                return plainOrText(rows);
        }
    }

    /** An array the driver can't hand out as Java values (pgjdbc's timetz[]) is kept as the driver's text. */
    private Object plainOrText(ResultSet rows) throws SQLException {
        try {
            return JdbcValues.plain(rows.getObject(index), value -> rows.getString(index));
        } catch (SQLFeatureNotSupportedException | UnsupportedOperationException e) {
            return rows.getString(index);
        }
    }

    private Object javaTime(ResultSet rows, Class<?> type) throws SQLException {
        if (!noJavaTime) {
            try {
                return rows.getObject(index, type);
            } catch (SQLException | UnsupportedOperationException e) {
                // a driver failing here fails for every row: don't ask again (a real read error recurs below)
                noJavaTime = true;
            }
        }
        return plainOrText(rows);
    }
}
