package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresLoader;
import io.dltjdbc.destination.postgres.ServerTarget;
import io.dltjdbc.destination.postgres.StagedRowReader;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Redshift's loader where no staging bucket is configured (dlt's {@code insert_values}): Redshift has no
 * {@code COPY FROM STDIN}, so staged rows go in multi-row {@code INSERT ... VALUES (?, ..), (?, ..)}
 * prepared statements, each kept under {@value #MAX_STATEMENT_BYTES} bytes of values and
 * {@value #MAX_PARAMETERS} parameters (Redshift's statement limit is 16 MB). Everything else is
 * Postgres': one transaction, merge as delete-insert (no {@code ON CONFLICT}, no alias on the DELETE
 * target). Differences in DDL: column hints {@code distkey} (or dlt's {@code cluster}) and {@code sort}
 * become {@code DISTKEY (col)} and {@code SORTKEY (cols)}, {@code unique} a UNIQUE constraint that Redshift keeps
 * as information, unenforced (dlt's {@code create_indexes}); merge staging tables get a
 * {@value #STAGE_SEQUENCE} column numbering rows in load order, because Redshift has no row id to
 * deduplicate "last row wins" by.
 */
public class RedshiftLoader extends PostgresLoader {
    public static final int MAX_STATEMENT_BYTES = 15 * 1024 * 1024;
    public static final int MAX_PARAMETERS = 32767;
    public static final String STAGE_SEQUENCE = "_dlt_stage_seq";

    private final Set<String> sequencedTables = new HashSet<>();
    private long sequence;
    private int maxStatementBytes = MAX_STATEMENT_BYTES;

    public RedshiftLoader(Connection connection, ServerTarget target) {
        super(connection, RedshiftTypeMapper.INSTANCE, target);
    }

    /** For tests: a smaller statement budget, so that several statements are needed. */
    public RedshiftLoader withMaxStatementBytes(int bytes) {
        this.maxStatementBytes = bytes;
        return this;
    }

    /** Redshift has no advisory locks; its serializable isolation reports a racing load as a conflict (40001). */
    @Override
    protected void lockDataset(String dataset) {
    }

    @Override
    protected boolean aliasesDeleteTarget() {
        return false;
    }

    @Override
    protected String insertionOrder() {
        return q(STAGE_SEQUENCE);
    }

    @Override
    protected void syncTable(String dataset, Table table) throws SQLException {
        if (table.columns().isEmpty() || !existingColumns(dataset, table.name()).isEmpty()) {
            super.syncTable(dataset, table); // adding columns is the same ALTER TABLE as on Postgres
            return;
        }
        boolean staging = isStaging(dataset);
        execute(createTable(dataset, table, staging));
        if (staging) {
            sequencedTables.add(dialect.qualified(dataset, table.name()));
        }
    }

    /** CREATE TABLE with Redshift's table attributes from column hints. */
    String createTable(String dataset, Table table, boolean sequenced) {
        StringJoiner definitions = new StringJoiner(", ");
        String distKey = null;
        StringJoiner sortKeys = new StringJoiner(", ");
        boolean sorted = false;
        for (Column column : table.columns()) {
            definitions.add(columnDefinition(column, sequenced));
            if (distKey == null && (column.hasHint("distkey") || column.hasHint("cluster"))) {
                distKey = column.name();
            }
            if (column.hasHint("sort")) {
                sortKeys.add(q(column.name()));
                sorted = true;
            }
        }
        if (sequenced) {
            definitions.add(q(STAGE_SEQUENCE) + " bigint");
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(dialect.qualified(dataset, table.name()))
                .append(" (").append(definitions).append(')');
        if (distKey != null) {
            ddl.append(" DISTKEY (").append(q(distKey)).append(')');
        }
        if (sorted) {
            ddl.append(" SORTKEY (").append(sortKeys).append(')');
        }
        return ddl.toString();
    }

    @Override
    protected void insertStaged(String dataset, Table table, Path stagedFile) throws SQLException {
        String qualified = dialect.qualified(dataset, table.name());
        boolean sequenced = sequencedTables.contains(qualified);
        List<Column> columns = table.columns();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner group = new StringJoiner(", ", "(", ")");
        for (Column column : columns) {
            names.add(q(column.name()));
            group.add(placeholder(column));
        }
        if (sequenced) {
            names.add(q(STAGE_SEQUENCE));
            group.add("?");
        }
        int width = columns.size() + (sequenced ? 1 : 0);
        String head = "INSERT INTO " + qualified + " (" + names + ") VALUES ";
        int maxRows = Math.max(1, MAX_PARAMETERS / width);
        List<Object[]> rows = new ArrayList<>();
        long bytes = head.length();
        Statements statements = new Statements(head, group.toString());
        try (StagedRowReader reader = new StagedRowReader(table, stagedFile); statements) {
            Object[] values;
            while ((values = reader.next()) != null) {
                Object[] row = new Object[width];
                System.arraycopy(values, 0, row, 0, values.length);
                if (sequenced) {
                    row[width - 1] = ++sequence;
                }
                long rowBytes = group.length() + 2 + estimateBytes(row);
                if (!rows.isEmpty() && (rows.size() >= maxRows || bytes + rowBytes > maxStatementBytes)) {
                    flush(statements, rows, columns);
                    bytes = head.length();
                }
                rows.add(row);
                bytes += rowBytes;
            }
            flush(statements, rows, columns);
        } catch (IOException | RuntimeException e) {
            throw loadFailure("cannot load " + qualified + " from staged rows: " + e.getMessage(), e);
        }
    }

    /** How a value is written in a VALUES group: text travels as a parameter and is converted by Redshift. */
    private String placeholder(Column column) {
        return switch (column.type()) {
            case TIMESTAMP, DATE, TIME -> "CAST(? AS " + types.sqlType(column) + ")";
            case JSON -> "JSON_PARSE(?)";
            default -> "?";
        };
    }

    private static long estimateBytes(Object[] row) {
        long bytes = 0;
        for (Object value : row) {
            if (value instanceof String text) {
                bytes += 4;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                }
            } else {
                bytes += 8;
            }
        }
        return bytes;
    }

    private void flush(Statements statements, List<Object[]> rows, List<Column> columns) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.forRows(rows.size());
        int index = 1;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                bind(insert, index++, i < columns.size() ? columns.get(i).type() : DltType.BIGINT, row[i]);
            }
        }
        insert.executeUpdate();
        insert.clearParameters();
        rows.clear();
    }

    private static void bind(PreparedStatement insert, int index, DltType type, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, switch (type) {
                case BIGINT -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                case BOOL -> Types.BOOLEAN;
                case DECIMAL -> Types.NUMERIC;
                case BINARY -> Types.VARBINARY;
                default -> Types.VARCHAR;
            });
            return;
        }
        if (value instanceof Long number) {
            insert.setLong(index, number);
            return;
        }
        if (value instanceof Boolean flag) {
            if (type == DltType.BOOL) {
                insert.setBoolean(index, flag);
            } else {
                insert.setString(index, flag.toString());
            }
            return;
        }
        String text = (String) value;
        switch (type) {
            case BIGINT -> insert.setLong(index, Long.parseLong(text));
            case DOUBLE -> insert.setDouble(index, Double.parseDouble(text));
            case DECIMAL -> insert.setBigDecimal(index, new BigDecimal(text));
            case BOOL -> insert.setBoolean(index, Boolean.parseBoolean(text));
            case BINARY -> insert.setBytes(index, Base64.getDecoder().decode(text));
            default -> insert.setString(index, text);
        }
    }

    /** The full-size statement, prepared once and reused, plus the shorter one for the last rows. */
    private final class Statements implements AutoCloseable {
        private final String head;
        private final String group;
        private final List<PreparedStatement> open = new ArrayList<>();
        private PreparedStatement full;
        private int fullRows;

        Statements(String head, String group) {
            this.head = head;
            this.group = group;
        }

        PreparedStatement forRows(int rows) throws SQLException {
            if (full != null && rows == fullRows) {
                return full;
            }
            StringBuilder sql = new StringBuilder(head.length() + rows * (group.length() + 2)).append(head);
            for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ", ").append(group);
            }
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            open.add(statement);
            if (full == null) {
                full = statement;
                fullRows = rows;
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : open) {
                statement.close();
            }
        }
    }
}
