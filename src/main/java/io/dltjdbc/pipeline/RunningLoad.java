package io.dltjdbc.pipeline;

import io.dltjdbc.LoadListener;
import io.dltjdbc.LoadProgress;
import io.dltjdbc.LoadProgress.Stage;
import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code LOAD PIPELINE} while it runs: its progress (listed by {@code SHOW LOADS RUNNING} from any
 * connection of the JVM, sent to the connection's {@link LoadListener}s), and whether it was cancelled ({@code Statement.cancel()} from
 * another thread, or the statement's query timeout). Extract and normalize poll {@link #check()} between
 * items; the destination load registers an action that stops its running SQL. Cancel actions are
 * repeated every {@value #REPEAT_MILLIS} ms until the load ends, so a statement that had not quite
 * started when the first cancel arrived is stopped too.
 */
final class RunningLoad {
    private static final long REPEAT_MILLIS = 200;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dlt-jdbc-load-timer");
        thread.setDaemon(true);
        return thread;
    });

    private static final long EVENT_NANOS = 500_000_000L;
    private static final Set<RunningLoad> RUNNING = ConcurrentHashMap.newKeySet();

    private final String pipelineName;
    private final List<LoadListener> listeners;
    private final long startNanos = System.nanoTime();
    private volatile String loadId;
    private volatile String dataset;
    private volatile String table;
    private volatile Stage stage = Stage.EXTRACT;
    private volatile long rows;
    private volatile long bytesRead;
    private long bytesBefore;
    private long lastEventNanos = startNanos;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile String cancelReason;
    private volatile boolean finished;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> repeat;

    RunningLoad(String pipelineName, List<LoadListener> listeners) {
        this.pipelineName = pipelineName;
        this.listeners = listeners;
    }

    /** Every load running in this JVM now, oldest first. */
    static List<LoadProgress> running() {
        List<LoadProgress> out = new ArrayList<>();
        for (RunningLoad load : RUNNING) {
            out.add(load.snapshot());
        }
        out.sort(Comparator.comparing(LoadProgress::loadId));
        return out;
    }

    /** The load has its id and dataset: from now on it is listed and reported. */
    void begin(String loadId, String dataset) {
        this.loadId = loadId;
        this.dataset = dataset;
        RUNNING.add(this);
        for (LoadListener listener : listeners) {
            try {
                listener.started(snapshot());
            } catch (RuntimeException ignored) {
                // a listener never breaks a load
            }
        }
    }

    /** Extraction of the next source, into root table {@code table}. */
    void extracting(String table) {
        this.table = table;
        this.bytesBefore = bytesRead;
        stage(Stage.EXTRACT);
    }

    /** One more item read; {@code sourceBytes} is what the current source consumed so far. */
    void item(long sourceBytes) {
        rows++;
        bytesRead = bytesBefore + sourceBytes;
        long now = System.nanoTime();
        if (now - lastEventNanos >= EVENT_NANOS) {
            lastEventNanos = now;
            progress();
        }
    }

    void stage(Stage next, String tables) {
        this.table = tables;
        stage(next);
    }

    private void stage(Stage next) {
        boolean changed = stage != next;
        stage = next;
        if (changed) {
            lastEventNanos = System.nanoTime();
            progress();
        }
    }

    private void progress() {
        if (listeners.isEmpty() || loadId == null) {
            return; // a dry run is not reported
        }
        LoadProgress progress = snapshot();
        for (LoadListener listener : listeners) {
            try {
                listener.progress(progress);
            } catch (RuntimeException ignored) {
                // a listener never breaks a load
            }
        }
    }

    LoadProgress snapshot() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long rowsNow = rows;
        return new LoadProgress(loadId, pipelineName, dataset, table, rowsNow, elapsed > 0 ? rowsNow / elapsed : 0, bytesRead,
                elapsed, stage);
    }

    /** Starts the query timeout clock ({@code Statement.setQueryTimeout}); 0 means none. */
    synchronized void timeoutAfter(int seconds) {
        if (seconds > 0) {
            timeout = TIMER.schedule(() -> cancel("LOAD PIPELINE " + pipelineName + " exceeded the query timeout of " + seconds
                    + " s and was stopped; nothing of it was written"), seconds, TimeUnit.SECONDS);
        }
    }

    /** {@code Statement.cancel()}: safe from any thread. */
    void cancelByUser() {
        cancel("LOAD PIPELINE " + pipelineName + " was cancelled; nothing of it was written");
    }

    private void cancel(String reason) {
        synchronized (this) {
            if (cancelReason != null || finished) {
                return;
            }
            cancelReason = reason;
            repeat = TIMER.scheduleWithFixedDelay(this::runActions, REPEAT_MILLIS, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
        }
        runActions();
    }

    private void runActions() {
        if (finished) {
            return;
        }
        for (Runnable action : cancelActions) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // best effort: the polling in check() stops the load anyway
            }
        }
    }

    /** Runs {@code action} on cancel (now, if already cancelled) until {@link #removeOnCancel}. */
    void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelReason != null) {
            runActions();
        }
    }

    void removeOnCancel(Runnable action) {
        cancelActions.remove(action);
    }

    boolean canceled() {
        return cancelReason != null;
    }

    /** Throws 57014 once the load was cancelled or timed out. */
    void check() throws SQLException {
        String reason = cancelReason;
        if (reason != null) {
            throw DltSqlState.QUERY_CANCELED.exception(reason);
        }
    }

    /** The 57014 to report for a failure that a cancel caused (the failure kept as the cause). */
    SQLException canceledBecause(Throwable failure) {
        return DltSqlState.QUERY_CANCELED.exception(cancelReason, failure);
    }

    /** The load ended, committed ({@code failure} null) or not: unlisted, listeners told, timers stopped. */
    void finish(SQLException failure) {
        stop();
        if (RUNNING.remove(this)) {
            LoadProgress progress = snapshot();
            for (LoadListener listener : listeners) {
                try {
                    listener.finished(progress, failure);
                } catch (RuntimeException ignored) {
                    // a listener never breaks a load
                }
            }
        }
    }

    private synchronized void stop() {
        finished = true;
        cancelActions.clear();
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (repeat != null) {
            repeat.cancel(false);
        }
    }
}
