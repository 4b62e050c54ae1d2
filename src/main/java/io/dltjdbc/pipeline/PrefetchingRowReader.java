package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.RowReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads (parses) items on a second thread while the caller normalizes the previous ones, so a load
 * uses both cores of a small machine. Items arrive in order, in batches, each with its position for
 * error messages; a reader error surfaces at the item where it happened, after every item before it.
 * The queue holds a few batches only, so memory stays bounded whatever the input size.
 */
final class PrefetchingRowReader implements RowReader {
    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 4;

    private record Batch(List<Object> items, List<String> positions, SQLException failure, RuntimeException crash) {
    }

    private final RowReader reader;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile boolean stopped;
    private Batch current;
    private int index;
    private String position = "";
    private boolean finished;

    PrefetchingRowReader(RowReader reader, String name) {
        this.reader = reader;
        this.thread = new Thread(this::produce, "dlt-jdbc-extract-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        try {
            while (!stopped) {
                List<Object> items = new ArrayList<>(BATCH);
                List<String> positions = new ArrayList<>(BATCH);
                Object item = null;
                while (items.size() < BATCH && (item = reader.next()) != null) {
                    items.add(item);
                    positions.add(reader.position());
                }
                put(new Batch(items, positions, null, null));
                if (item == null) {
                    put(new Batch(List.of(), List.of(), null, null)); // end of input
                    return;
                }
            }
        } catch (SQLException e) {
            put(new Batch(List.of(), List.of(), e, null));
        } catch (RuntimeException e) {
            put(new Batch(List.of(), List.of(), null, e));
        }
    }

    private void put(Batch batch) {
        try {
            while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy; wait unless it gave up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Object next() throws SQLException {
        while (!finished) {
            if (current != null && index < current.items().size()) {
                position = current.positions().get(index);
                return current.items().get(index++);
            }
            if (current != null && current.items().isEmpty()) {
                finished = true;
                if (current.failure() != null) {
                    throw current.failure();
                }
                if (current.crash() != null) {
                    throw current.crash();
                }
                return null;
            }
            try {
                current = queue.take();
                index = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DltSqlState.QUERY_CANCELED.exception("the load was interrupted");
            }
        }
        return null;
    }

    @Override
    public String position() {
        return position;
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws SQLException {
        stopped = true;
        queue.clear();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
