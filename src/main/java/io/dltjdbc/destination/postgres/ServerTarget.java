package io.dltjdbc.destination.postgres;

import io.dltjdbc.driver.Redaction;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a server destination connects: host, port, database and user, never the password. Every error
 * the destination raises names it, and is scrubbed of the configured secrets.
 */
public record ServerTarget(String destination, String host, int port, String database, String user, List<String> secrets) {

    public String describe() {
        return destination + " server " + host + ":" + port + ", database '" + database + "', user '" + user + "'";
    }

    /**
     * Wraps a driver error with the target and a hint; the cause is kept only if no message in its chain
     * holds a secret.
     */
    public SQLException wrap(String action, SQLException e) {
        String message = action + " (" + describe() + "): " + Redaction.maskValues(String.valueOf(e.getMessage()), secrets)
                + hint(e.getSQLState());
        boolean leaks = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + " " + t;
            for (String secret : secrets) {
                leaks |= secret != null && !secret.isEmpty() && text.contains(secret);
            }
        }
        SQLException wrapped = new SQLException(message, e.getSQLState(), e.getErrorCode(), leaks ? null : e);
        if (leaks) {
            wrapped.setStackTrace(e.getStackTrace());
        }
        return wrapped;
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "";
        }
        return switch (sqlState) {
            case "28P01", "28000" -> " - check the username and password";
            case "3D000" -> " - the database does not exist; create it or fix 'database'";
            case "42501" -> " - the user lacks a privilege (e.g. CREATE on the database to create the dataset schema)";
            case "08001", "08006", "08004" -> " - check host, port and that the server accepts connections (connect_timeout applies)";
            default -> "";
        };
    }
}
