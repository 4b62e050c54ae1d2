package io.dltjdbc.destination.redshift;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JDBC connection that executes nothing and records every statement the loader sends, for golden SQL
 * tests of what a real Redshift would receive. {@code information_schema.columns} queries answer with the
 * columns listed in {@code existing} ({@code "dataset.table" -> columns}); other queries answer no rows.
 * Bound parameters of data INSERTs are recorded after the statement.
 */
final class RecordingConnection {
    final List<String> log = new ArrayList<>();
    private final Map<String, List<String>> existing;

    RecordingConnection(Map<String, List<String>> existing) {
        this.existing = existing;
    }

    Connection connection() {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getAutoCommit" -> Boolean.TRUE;
            case "createStatement" -> statement();
            case "prepareStatement" -> prepared((String) args[0]);
            case "isClosed" -> Boolean.FALSE;
            case "commit" -> {
                log.add("COMMIT");
                yield null;
            }
            case "rollback" -> {
                log.add("ROLLBACK");
                yield null;
            }
            default -> defaultValue(method.getReturnType());
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private Statement statement() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                log.add(sql);
                return method.getReturnType() == boolean.class ? Boolean.FALSE : defaultValue(method.getReturnType());
            }
            return defaultValue(method.getReturnType());
        };
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private PreparedStatement prepared(String sql) {
        boolean metadata = sql.contains("information_schema");
        boolean data = sql.startsWith("INSERT INTO") && !sql.contains("\".\"_dlt_");
        if (!metadata) {
            log.add("PREPARE " + sql);
        }
        Map<Integer, Object> parameters = new TreeMap<>();
        List<Object> bound = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                Object value = args[1];
                if (name.equals("setNull")) {
                    value = "NULL";
                } else if (value instanceof byte[] bytes) {
                    value = "bytes[" + bytes.length + "]";
                } else if (value instanceof Temporal) {
                    value = "<time>";
                }
                parameters.put(index, value);
                return null;
            }
            return switch (name) {
                case "executeQuery" -> metadata ? columns(parameters) : rows(List.of());
                case "executeUpdate", "execute" -> {
                    if (data) {
                        log.add("  -- bound: " + parameters.values());
                    }
                    bound.clear();
                    yield method.getReturnType() == boolean.class ? (Object) Boolean.FALSE : (Object) 1;
                }
                case "clearParameters" -> {
                    parameters.clear();
                    yield null;
                }
                default -> defaultValue(method.getReturnType());
            };
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                handler);
    }

    private ResultSet columns(Map<Integer, Object> parameters) {
        List<String> found = existing.getOrDefault(parameters.get(1) + "." + parameters.get(2), List.of());
        return rows(found);
    }

    private ResultSet rows(List<String> values) {
        Iterator<String> it = values.iterator();
        String[] current = new String[1];
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "next" -> {
                if (it.hasNext()) {
                    current[0] = it.next();
                    yield Boolean.TRUE;
                }
                yield Boolean.FALSE;
            }
            case "getString" -> current[0];
            default -> defaultValue(method.getReturnType());
        };
        return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, handler);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
