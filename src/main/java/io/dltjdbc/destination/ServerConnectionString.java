package io.dltjdbc.destination;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads dlt's server connection strings, {@code postgresql://user:password@host:port/database?key=value}
 * (also {@code redshift://} and the scheme-less {@code //user@host/db} of a jdbc:dlt: URL location), into
 * dlt's credential fields {@code username, password, host, port, database} plus query keys. Query keys are
 * kept as given (a key without '=' has the empty value), except that libpq names the JDBC drivers spell
 * differently are renamed ({@code application_name} is pgjdbc's and Redshift's {@code ApplicationName}):
 * dlt hands the query to psycopg2, so dlt users write libpq's names.
 */
public final class ServerConnectionString {
    private static final Map<String, String> JDBC_NAMES = Map.of("application_name", "ApplicationName");

    private ServerConnectionString() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String rest = text.trim();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 1);
        }
        if (!rest.startsWith("//")) {
            throw new IllegalArgumentException("expected //[user[:password]@]host[:port]/database");
        }
        rest = rest.substring(2);
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair).trim();
                if (!key.isEmpty()) {
                    fields.put(JDBC_NAMES.getOrDefault(key, key), eq >= 0 ? decode(pair.substring(eq + 1)) : "");
                }
            }
            rest = rest.substring(0, query);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            fields.put("username", decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
            if (colon >= 0) {
                fields.put("password", decode(userInfo.substring(colon + 1)));
            }
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && slash + 1 < rest.length()) {
            fields.put("database", decode(rest.substring(slash + 1)));
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
            fields.put("port", hostPort.substring(colon + 1));
            hostPort = hostPort.substring(0, colon);
        }
        if (!hostPort.isEmpty()) {
            fields.put("host", hostPort);
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
