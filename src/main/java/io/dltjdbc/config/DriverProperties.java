package io.dltjdbc.config;

import io.dltjdbc.driver.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code driver_properties} credential, {@code key=value;key=value} for the vendor JDBC driver, as
 * text that travels like any other credential. Several places may each give some keys (a connection
 * string's {@code ?sslmode=require}, an environment variable); they are merged key by key, the earlier
 * place winning, so that adding one property never silently drops another.
 */
public final class DriverProperties {
    public static final String FIELD = "driver_properties";
    /** The separators the destinations split on (PostgresDestinationFactory.driverProperties). */
    private static final Pattern SEPARATOR = Pattern.compile("[;,\\n]");
    /** Keys whose values are masked wherever the list is shown: passwords, key passphrases, tokens. */
    private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|pwd|secret|token|credential|passphrase");

    private DriverProperties() {
    }

    /** Entries in order; an entry without '=' is kept as a key with a null value so the destination can reject it. */
    public static Map<String, String> parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (text == null) {
            return entries;
        }
        for (String entry : SEPARATOR.split(text)) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                entries.putIfAbsent(entry.trim(), null);
            } else {
                entries.putIfAbsent(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return entries;
    }

    public static String format(Map<String, String> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach((key, value) -> parts.add(value == null ? key : key + "=" + value));
        return String.join(";", parts);
    }

    /** One list from several, in precedence order: for a key given twice the first wins. */
    public static String merge(List<String> texts) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String text : texts) {
            parse(text).forEach(merged::putIfAbsent);
        }
        return format(merged);
    }

    /** Whether a value can travel in the list: the separators would split it. */
    public static boolean canHold(String value) {
        return !SEPARATOR.matcher(value).find();
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** The list as shown to a user: values of secret-looking keys masked. */
    public static String masked(String text) {
        Map<String, String> entries = parse(text);
        entries.replaceAll((key, value) -> value != null && isSecretKey(key) ? Redaction.MASK : value);
        return format(entries);
    }

    /** Values of secret-looking keys, for scrubbing messages of the vendor driver. */
    public static List<String> secretValues(String text) {
        List<String> secrets = new ArrayList<>();
        parse(text).forEach((key, value) -> {
            if (value != null && !value.isEmpty() && isSecretKey(key)) {
                secrets.add(value);
            }
        });
        return secrets;
    }
}
