package io.dltjdbc;

import java.sql.SQLException;

/**
 * Receives progress of the {@code LOAD PIPELINE} statements of one connection, for applications that embed
 * the driver. Register with {@code connection.unwrap(DltConnection.class).addLoadListener(listener)}.
 * Methods are called on the loading thread: keep them short; an exception they throw is ignored.
 */
public interface LoadListener {

    /** The load has a load id and starts extracting. */
    default void started(LoadProgress progress) {
    }

    /** About twice a second while rows flow, and at every stage change. */
    void progress(LoadProgress progress);

    /** The load ended: {@code failure} is null when it committed, else the exception the statement throws. */
    default void finished(LoadProgress progress, SQLException failure) {
    }
}
