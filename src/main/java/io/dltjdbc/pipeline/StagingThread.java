package io.dltjdbc.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Serializes staged rows on a thread of its own. Normalizing is the load's bottleneck and writing the JSON
 * lines was a fifth of its thread, while the core next to it (parsing) was mostly idle: handing the rows over in
 * batches lets both cores work. Rows arrive in order, so each file keeps the order rows were accepted in. The
 * queue holds a few batches only, so memory stays bounded; a write error stops the thread and surfaces at the
 * next hand-over or at {@link #finish()}.
 */
final class StagingThread {
    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 4;
    private static final long OFFER_MILLIS = 100;
    /** the last batch: close every file and end */
    private static final Batch END = new Batch();

    private static final class Batch {
        final StagedFile[] files = new StagedFile[BATCH];
        @SuppressWarnings("unchecked")
        final Set<String>[] jsonColumns = new Set[BATCH];
        @SuppressWarnings("unchecked")
        final Map<String, Object>[] rows = new Map[BATCH];
        int size;
    }

    private final String name;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final List<StagedFile> opened = new ArrayList<>();
    private Batch filling = new Batch();
    private Thread thread;
    private boolean finished;
    private volatile boolean stopped;
    private volatile Throwable failure;

    StagingThread(String name) {
        this.name = name;
    }

    /** Normalizing thread: queues a row of {@code file}; its values must not change afterwards. */
    void write(StagedFile file, Set<String> jsonColumns, Map<String, Object> row) throws IOException {
        if (finished) {
            throw new IOException("the load package is already complete");
        }
        Batch batch = filling;
        int i = batch.size++;
        batch.files[i] = file;
        batch.jsonColumns[i] = jsonColumns;
        batch.rows[i] = row;
        if (batch.size == BATCH) {
            handOver(batch);
            filling = new Batch();
        }
    }

    /** Normalizing thread: writes what is queued, closes every file and waits for the thread to end. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (thread == null && filling.size == 0) {
            return;
        }
        handOver(filling);
        handOver(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("interrupted while staging rows", e);
        }
        rethrowFailure();
    }

    /** Stops the thread without writing what is still queued (the load failed or was cancelled). */
    void stop() {
        stopped = true;
        queue.clear();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOver(Batch batch) throws IOException {
        if (thread == null) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            while (!queue.offer(batch, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure(); // the thread died: nothing takes from the queue any more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while staging rows", e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        Throwable e = failure;
        if (e instanceof IOException io) {
            throw io;
        } else if (e instanceof RuntimeException runtime) {
            throw runtime;
        } else if (e instanceof Error error) {
            throw error;
        } else if (e != null) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void run() {
        try {
            while (!stopped) {
                Batch batch = queue.poll(OFFER_MILLIS, TimeUnit.MILLISECONDS);
                if (batch == END) {
                    break;
                }
                if (batch != null) {
                    write(batch);
                }
            }
            closeAll(null);
        } catch (Throwable e) {
            closeAll(e);
        }
    }

    private void write(Batch batch) throws IOException {
        for (int i = 0; i < batch.size && !stopped; i++) {
            StagedFile file = batch.files[i];
            if (!file.isOpen()) {
                file.open();
                opened.add(file);
            }
            file.write(batch.rows[i], batch.jsonColumns[i]);
        }
    }

    /** Closes the files this thread opened; the first error wins. */
    private void closeAll(Throwable error) {
        Throwable first = error;
        for (StagedFile file : opened) {
            try {
                file.close();
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            failure = first;
            stopped = true;
        }
    }
}
