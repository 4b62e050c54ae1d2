package io.dltjdbc.driver;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for every facade: the facade itself, then the inner driver's object,
 * then whatever that object wraps (REFERENCE pitfall 2: wrappers that don't delegate inward).
 */
final class Unwrapping {
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

    static boolean isWrapperFor(Wrapper facade, Wrapper inner, Class<?> iface) throws SQLException {
        return iface.isInstance(facade) || iface.isInstance(inner) || inner.isWrapperFor(iface);
    }
}
