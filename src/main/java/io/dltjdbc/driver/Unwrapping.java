package io.dltjdbc.driver;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for every facade: the facade itself, then the inner driver's object,
 * then whatever that object wraps (REFERENCE pitfall 2: wrappers that don't delegate inward).
 */
public final class Unwrapping {
    private Unwrapping() {
    }

    static <T> T unwrap(Wrapper facade, Wrapper inner, Class<T> iface) throws SQLException {
        if (iface.isInstance(facade)) {
            return iface.cast(facade);
        }
        if (iface.isInstance(inner)) {
            return iface.cast(inner);
        }
        return inner.unwrap(iface);
    }

    /** {@code unwrap} of an object that wraps nothing: itself, or an error naming what was asked. */
    public static <T> T self(Object self, Class<T> iface) throws SQLException {
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        throw DltSqlState.INVALID_PARAMETER_VALUE.exception(self.getClass().getSimpleName() + " is not a wrapper for " + iface.getName());
    }

    static boolean isWrapperFor(Wrapper facade, Wrapper inner, Class<?> iface) throws SQLException {
        return iface.isInstance(facade) || iface.isInstance(inner) || inner.isWrapperFor(iface);
    }
}
