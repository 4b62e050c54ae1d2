package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.zip.ZipException;

/** An opened file or HTTP body: decompressed bytes, a display name (secrets masked), a format. */
final class OpenedInput {
    final InputStream data;
    final CountingInputStream raw;
    final String name;
    final SourceFormat format;
    final boolean remote;

    OpenedInput(InputStream data, CountingInputStream raw, String name, SourceFormat format, boolean remote) {
        this.data = data;
        this.raw = raw;
        this.name = name;
        this.format = format;
        this.remote = remote;
    }

    /** Maps an I/O failure while reading to an SQLException naming the input and place. */
    SQLException readError(String where, IOException e) {
        if (e instanceof Utf8Reader.InvalidUtf8Exception) {
            Utf8Reader.InvalidUtf8Exception u = (Utf8Reader.InvalidUtf8Exception) e;
            return DltSqlState.INVALID_TEXT_REPRESENTATION.exception(Redaction.maskUrl("invalid UTF-8 in " + name
                    + " line " + u.line + " (byte offset " + u.byteOffset + "); input must be UTF-8"));
        }
        if (e instanceof ZipException || e instanceof java.io.EOFException) {
            return DltSqlState.DATA_EXCEPTION.exception(Redaction.maskUrl("corrupt or truncated compressed data in "
                    + where + ": " + e.getMessage()));
        }
        String msg = Redaction.maskUrl((remote ? "connection lost while reading " : "cannot read ") + where
                + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return (remote ? DltSqlState.CONNECTION_FAILURE : DltSqlState.IO_ERROR).exception(msg, e);
    }

    void close() throws SQLException {
        try {
            data.close();
        } catch (IOException e) {
            throw readError(name, e);
        }
    }
}
