package io.dltjdbc.driver;

import io.dltjdbc.config.DriverProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code jdbc:dlt:<destination>:[<location>][?<key>=<value>[&...]]} URL (SPEC §1).
 * Only splits the text: which keys are valid is decided by the destination, so that the error can
 * list that destination's keys.
 */
public record DltUrl(String destination, String location, Map<String, String> query) {

    public static final String PREFIX = "jdbc:dlt:";

    public static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static DltUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("not a dlt-jdbc URL (it must start with jdbc:dlt:)");
        }
        String rest = url.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        int question = rest.indexOf('?');
        int destinationEnd = colon >= 0 && (question < 0 || colon < question) ? colon : (question >= 0 ? question : rest.length());
        String destination = rest.substring(0, destinationEnd).trim().toLowerCase(java.util.Locale.ROOT);
        if (destination.isEmpty()) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
                    "the URL names no destination: use jdbc:dlt:<destination>:..., e.g. jdbc:dlt:duckdb:");
        }
        String afterDestination = destinationEnd < rest.length() && rest.charAt(destinationEnd) == ':'
                ? rest.substring(destinationEnd + 1) : rest.substring(destinationEnd);
        int q = afterDestination.indexOf('?');
        String location = q >= 0 ? afterDestination.substring(0, q) : afterDestination;
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : afterDestination.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair).trim();
                String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
                if (query.containsKey(key)) {
                    throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the URL key '" + key + "' is given twice");
                }
                query.put(key, value);
            }
        }
        return new DltUrl(destination, location, Collections.unmodifiableMap(query));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL as a user may see it: secret query values and the password in the location masked. */
    public String redacted(java.util.Set<String> secretKeys) {
        StringBuilder out = new StringBuilder(PREFIX).append(destination).append(':').append(Redaction.maskUserInfo(location));
        String separator = "?";
        for (Map.Entry<String, String> entry : query.entrySet()) {
            out.append(separator).append(entry.getKey()).append('=')
                    .append(secretKeys.contains(entry.getKey()) || DriverProperties.isSecretKey(entry.getKey())
                            ? Redaction.MASK : entry.getValue());
            separator = "&";
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return redacted(Redaction.SECRET_KEYS);
    }
}
