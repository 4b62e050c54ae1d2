package io.dltjdbc.pipeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes {@code user} and {@code password} out of a JDBC URL (query {@code ?password=..}, SQL Server style
 * {@code ;password=..}, and the {@code //user:password@} of a jdbc:dlt: URL) into connection Properties.
 * {@code DriverManager} offers the URL to every registered driver and some log the URLs they see, so a
 * {@code QUERY ... ON '<url>'} source never hands a password around inside the URL.
 */
record SourceUrlCredentials(String url, Properties properties) {
    private static final Pattern PARAMETER = Pattern.compile("([?&;])(user|password)=([^&;]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DLT_USER_INFO = Pattern.compile("^(jdbc:dlt:[a-z]+:(?:[a-z]+:)?//[^/:@?]*):([^@/?]*)@");

    static SourceUrlCredentials split(String url) {
        Properties properties = new Properties();
        Matcher userInfo = DLT_USER_INFO.matcher(url);
        String rest = url;
        if (userInfo.find()) {
            properties.setProperty("password", decode(userInfo.group(2)));
            rest = userInfo.group(1) + "@" + url.substring(userInfo.end());
        }
        StringBuilder clean = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(rest);
        int last = 0;
        while (parameter.find()) {
            properties.setProperty(parameter.group(2).toLowerCase(Locale.ROOT), decode(parameter.group(3)));
            clean.append(rest, last, parameter.start());
            // keep the separator that started the query, drop the one of a removed parameter in the middle
            if (parameter.group(1).equals("?")) {
                clean.append('?');
            }
            last = parameter.end();
        }
        clean.append(rest.substring(last));
        String cleaned = clean.toString().replace("?&", "?").replaceAll("[?&]$", "");
        return new SourceUrlCredentials(cleaned, properties);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SourceUrlCredentials[" + url + "]";
    }
}
