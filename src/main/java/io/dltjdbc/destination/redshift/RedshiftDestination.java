package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.TypeMapper;
import io.dltjdbc.destination.postgres.PostgresDestination;
import io.dltjdbc.destination.postgres.ServerTarget;
import java.sql.Connection;

/** An open Redshift database through redshift-jdbc42: Postgres' behaviour with Redshift's types, loader and limits. */
public final class RedshiftDestination extends PostgresDestination {

    public RedshiftDestination(Connection connection, ServerTarget target) {
        super(connection, target);
    }

    @Override
    public String name() {
        return "redshift";
    }

    @Override
    public TypeMapper types() {
        return RedshiftTypeMapper.INSTANCE;
    }

    @Override
    public Loader loader() {
        return new RedshiftLoader(connection, target);
    }

    @Override
    public int maxIdentifierLength() {
        return 127;
    }
}
