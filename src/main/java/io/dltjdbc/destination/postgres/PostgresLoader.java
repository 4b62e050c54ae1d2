package io.dltjdbc.destination.postgres;

import io.dltjdbc.destination.LoadPlan;
import io.dltjdbc.destination.SqlLoader;
import io.dltjdbc.destination.TypeMapper;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's bulk path: {@code COPY "ds"."t" (cols) FROM STDIN (FORMAT csv)} through pgjdbc's
 * {@link CopyManager}, fed by converting the staged JSON lines to CSV as they are read, in chunks of
 * {@value #CHUNK_BYTES} bytes (never a whole file in memory). Inside the loader's transaction, so a
 * failed COPY leaves nothing behind.
 */
public class PostgresLoader extends SqlLoader {
    static final int CHUNK_BYTES = 1 << 18;

    protected final ServerTarget target;

    public PostgresLoader(Connection connection, ServerTarget target) {
        this(connection, PostgresTypeMapper.INSTANCE, target);
    }

    protected PostgresLoader(Connection connection, TypeMapper types, ServerTarget target) {
        super(connection, PostgresDialect.INSTANCE, types);
        this.target = target;
    }

    @Override
    public void load(LoadPlan plan) throws SQLException {
        try {
            super.load(plan);
        } catch (SQLException e) {
            throw target.wrap("cannot load pipeline '" + plan.pipelineName() + "' into dataset '" + plan.dataset()
                    + "' (nothing was written)", e);
        }
    }

    @Override
    protected void insertStaged(String dataset, Table table, Path stagedFile) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        for (Column column : table.columns()) {
            columns.add(q(column.name()));
        }
        String sql = "COPY " + dialect.qualified(dataset, table.name()) + " (" + columns + ") FROM STDIN (FORMAT csv)";
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn(sql);
        long row = 0;
        try (StagedRowReader reader = new StagedRowReader(table, stagedFile)) {
            CsvChunk csv = new CsvChunk(CHUNK_BYTES + 4096);
            Object[] values;
            while ((values = reader.next()) != null) {
                row = reader.row();
                appendCsv(csv, values, reader);
                if (csv.length() >= CHUNK_BYTES) {
                    write(in, csv);
                }
            }
            write(in, csv);
            in.endCopy();
        } catch (IOException | RuntimeException e) {
            cancel(in);
            throw loadFailure("cannot load " + dialect.qualified(dataset, table.name()) + " from staged row " + row + ": "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            cancel(in);
            throw new SQLException("COPY into " + dialect.qualified(dataset, table.name()) + " failed: " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static void write(CopyIn in, CsvChunk csv) throws SQLException {
        if (csv.length() > 0) {
            in.writeToCopy(csv.bytes(), 0, csv.length());
            csv.clear();
        }
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }

    /** One CSV line: NULL is an empty unquoted field, every other value is quoted (so '' stays ''). */
    static void appendCsv(CsvChunk csv, Object[] values, StagedRowReader reader) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean flag) {
                csv.append(flag ? 't' : 'f');
                continue;
            }
            String text = (String) value;
            DltType type = reader.type(i);
            if (type == DltType.BINARY) {
                csv.appendHex(Base64.getDecoder().decode(text));
            } else if (type == DltType.BIGINT || type == DltType.DOUBLE) {
                csv.appendRaw(text); // digits only: no quoting needed, and never empty
            } else {
                csv.appendQuoted(text);
            }
        }
        csv.append('\n');
    }

    /** A transaction-scoped advisory lock per dataset: concurrent loads into it wait for each other. */
    @Override
    protected void lockDataset(String dataset) throws SQLException {
        try (java.sql.PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "dlt-jdbc dataset " + dataset);
            lock.execute();
        }
    }

    @Override
    protected String insertionOrder() {
        return "ctid";
    }
}
