package io.dltjdbc.pipeline.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in URLs (and in any text containing URLs): the password of {@code user:password@}
 * and the values of query parameters whose name looks secret ({@code token, password, key,
 * secret, signature, auth, ...}) become {@code ***}. Works on plain text, so it also cleans
 * messages of exceptions thrown by libraries and URLs that do not parse.
 */
public final class Masking {
    private static final Pattern USERINFO =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/?#@\\s:]*:)[^/?#@\\s]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;][^=&#\\s]*(?:token|password|passwd|pwd|secret|key|sig|auth|credential|session)"
                    + "[^=&#\\s]*=)[^&#\\s]*");

    private Masking() {
    }

    public static String mask(String text) {
        if (text == null) return null;
        String s = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "***@");
        return SECRET_PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "***");
    }
}
