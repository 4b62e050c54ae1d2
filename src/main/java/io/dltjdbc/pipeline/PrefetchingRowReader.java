package io.dltjdbc.pipeline;

import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.pipeline.source.MalformedItemException;
import io.dltjdbc.pipeline.source.RowReader;
import io.dltjdbc.pipeline.source.RowReaderSupplier;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Opens and reads (parses) items on a second thread while the caller normalizes the previous ones, so a
 * load uses both cores of a small machine. Items arrive in order, in batches, each with its position for
 * error messages; a reader error surfaces at the item where it happened, after every item before it. An
 * unreadable item the reader could step over ({@link MalformedItemException}) travels in the queue like an
 * item and is thrown at its place; reading goes on behind it.
 * The queue holds a few batches only, so memory stays bounded whatever the input size. The caller waits
 * in short polls and gives up as soon as the load is cancelled, even while the source is still opening
 * (a slow query, a slow server); the reading thread then stops and closes the source by itself.
 */
final class PrefetchingRowReader implements RowReader {
    /**
     * Items per batch. The normalizer is the slower side, so the queue is always full, and every young
     * collection copies what it holds: at 256 parsed chess games per batch that was ~20 MB and half the GC
     * time; at 64 the hand-overs are still rare next to the work per item.
     */
    private static final int BATCH = 64;
    private static final int QUEUED_BATCHES = 4;
    private static final long POLL_MILLIS = 50;

    private record Batch(List<Object> items, List<ItemOrigin> origins, long bytesRead, SQLException failure,
            RuntimeException crash) {
    }

    private final RowReaderSupplier source;
    private final RunningLoad load;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile boolean stopped;
    private Batch current;
    private int index;
    private ItemOrigin origin = new ItemOrigin("", null, 0, 0, null);
    private long bytesRead;
    private boolean finished;

    PrefetchingRowReader(RowReaderSupplier source, String name, RunningLoad load) {
        this.source = source;
        this.load = load;
        this.thread = new Thread(this::produce, "dlt-jdbc-extract-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        try (RowReader reader = source.open()) {
            while (!stopped) {
                List<Object> items = new ArrayList<>(BATCH);
                List<ItemOrigin> origins = new ArrayList<>(BATCH);
                Object item = null;
                while (items.size() < BATCH && !stopped) {
                    try {
                        item = reader.next();
                    } catch (MalformedItemException e) {
                        item = e;
                    }
                    if (item == null) {
                        break;
                    }
                    items.add(item);
                    origins.add(item instanceof MalformedItemException e ? e.origin() : reader.origin());
                }
                put(new Batch(items, origins, reader.bytesRead(), null, null));
                if (item == null) {
                    put(new Batch(List.of(), List.of(), reader.bytesRead(), null, null)); // end of input
                    return;
                }
            }
        } catch (SQLException e) {
            put(new Batch(List.of(), List.of(), 0, e, null));
        } catch (RuntimeException e) {
            put(new Batch(List.of(), List.of(), 0, null, e));
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
                origin = current.origins().get(index);
                Object item = current.items().get(index++);
                if (item instanceof MalformedItemException malformed) {
                    throw malformed;
                }
                return item;
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
            current = null;
            while (current == null) {
                load.check();
                try {
                    current = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    load.cancelByUser();
                    load.check();
                }
            }
            if (current.failure() == null && current.crash() == null) {
                bytesRead = current.bytesRead();
            }
            index = 0;
        }
        return null;
    }

    @Override
    public ItemOrigin origin() {
        return origin;
    }

    /** Bytes the source had consumed when the current batch was read. */
    @Override
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * Stops the reading thread. After a cancel it gets a moment only: a source stuck in a slow read closes
     * itself when the read returns.
     */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        if (load.canceled()) {
            thread.interrupt();
        }
        try {
            thread.join(load.canceled() ? 500 : 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
