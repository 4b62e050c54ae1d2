package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code LOAD PIPELINE} while it runs: whether it was cancelled ({@code Statement.cancel()} from
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

    private final String pipelineName;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile String cancelReason;
    private volatile boolean finished;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> repeat;

    RunningLoad(String pipelineName) {
        this.pipelineName = pipelineName;
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

    /** The load ended (either way): no more cancel actions, timers stopped. */
    synchronized void finish() {
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
