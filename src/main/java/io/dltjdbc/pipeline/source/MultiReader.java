package io.dltjdbc.pipeline.source;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/** Reads several inputs one after another, opening each only when the previous one is done. */
final class MultiReader implements RowReader {
    private final Iterator<RowReaderSupplier> pending;
    private final String description;
    private RowReader current;
    private RowReader last;
    private long doneBytes;

    MultiReader(List<RowReaderSupplier> inputs, String description) {
        this.pending = inputs.iterator();
        this.description = description;
    }

    @Override
    public Object next() throws SQLException {
        while (true) {
            if (current == null) {
                if (!pending.hasNext()) return null;
                current = pending.next().open();
            }
            last = current;
            Object item = current.next();
            if (item != null) {
                return item;
            }
            doneBytes += current.bytesRead();
            RowReader done = current;
            current = null;
            done.close();
        }
    }

    @Override
    public ItemOrigin origin() {
        return last == null ? new ItemOrigin(description, null, 0, 0, null) : last.origin();
    }

    @Override
    public long bytesRead() {
        return doneBytes + (current == null ? 0 : current.bytesRead());
    }

    @Override
    public void close() throws SQLException {
        if (current != null) {
            RowReader c = current;
            current = null;
            c.close();
        }
    }
}
