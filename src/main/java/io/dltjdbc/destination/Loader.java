package io.dltjdbc.destination;

import java.sql.SQLException;

/** Writes a {@link LoadPlan} into a destination atomically: readers see all of it or none of it. */
public interface Loader {

    void load(LoadPlan plan) throws SQLException;
}
