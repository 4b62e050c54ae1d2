package io.dltjdbc.destination;

import java.sql.SQLException;

/** Writes a {@link LoadPlan} into a destination atomically: readers see all of it or none of it. */
public interface Loader {

    void load(LoadPlan plan) throws SQLException;

    /**
     * Asks a running {@link #load} (on another thread) to stop as soon as it can, with 57014 and nothing of the load
     * made visible. Does nothing by default.
     */
    default void cancel() {
    }

    /**
     * What the last {@link #load} could not do as asked but did not fail for (e.g. a hint the destination can't
     * apply to an existing table); the statement reports them as SQLWarnings. None by default.
     */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }
}
