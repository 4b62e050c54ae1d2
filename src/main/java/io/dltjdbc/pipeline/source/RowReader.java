package io.dltjdbc.pipeline.source;

import java.sql.SQLException;

/** Streams items one at a time; never holds a whole input in memory. */
public interface RowReader extends AutoCloseable {

    /**
     * The next item, or {@code null} at the end. JSON objects and CSV rows are insertion-ordered
     * {@code Map<String,Object>}s; items of a JSON array of scalars (and the chess source's
     * {@code players_archives}) are scalars or lists, which the normalizer wraps as dlt does
     * ({@code {"value": item}}).
     *
     * @throws MalformedItemException when one item is unreadable and the reader can go on after it
     */
    Object next() throws SQLException;

    /**
     * Where the last item came from: {@code data/orders.jsonl line 5001}, {@code https://host/x.json item 17},
     * {@code inline JSON item 3}, {@code a.csv row 12}. Secrets in URLs are masked.
     */
    ItemOrigin origin();

    /** {@link #origin()} as text, for error messages. */
    default String position() {
        return origin().toString();
    }

    /** Raw (possibly compressed) bytes consumed so far, for progress. */
    long bytesRead();

    @Override
    void close() throws SQLException;
}
