package io.dltjdbc.destination.bigquery;

import io.dltjdbc.driver.DltSqlState;
import java.lang.reflect.Proxy;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The delegate behind the BigQuery JDBC classes: every method throws {@link SQLFeatureNotSupportedException}.
 * The classes extend the generated forwarding bases over it and override what BigQuery supports, so that
 * whatever they leave out is a clean "not supported" rather than a missing method.
 */
final class Unsupported {
    private Unsupported() {
    }

    /**
     * A delegate of {@code type} whose methods declared by {@code supportedBy} (and its super-interfaces) go to
     * {@code target}; every other method is unsupported.
     */
    static <T, S> T backedBy(Class<T> type, Class<S> supportedBy, S target) {
        Object proxy = Proxy.newProxyInstance(Unsupported.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass().isAssignableFrom(supportedBy)) {
                try {
                    return method.invoke(target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            throw unsupported(type, method.getName());
        });
        return type.cast(proxy);
    }

    static <T> T of(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(Unsupported.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return "Unsupported[" + type.getSimpleName() + "]";
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    throw unsupported(type, method.getName());
            }
        });
        return type.cast(proxy);
    }

    static SQLFeatureNotSupportedException unsupported(Class<?> type, String method) {
        return new SQLFeatureNotSupportedException(type.getSimpleName() + "." + method
                + " is not supported by the dlt-jdbc BigQuery connection", DltSqlState.FEATURE_NOT_SUPPORTED.getState());
    }
}
