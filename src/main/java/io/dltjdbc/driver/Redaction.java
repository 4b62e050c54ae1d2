package io.dltjdbc.driver;

import java.util.Set;
import java.util.regex.Pattern;

/** Masks secrets in text that may reach a user, a log or an exception message. */
public final class Redaction {
    public static final String MASK = "***";
    /** Credential keys whose values are never shown. */
    public static final Set<String> SECRET_KEYS = Set.of("password", "private_key", "credentials", "token", "secret");

    /**
     * {@code //user:pw@host}: from the user's ':' to the first '@' (a password may contain ':').
     * May also swallow a port and path when a later '@' is not user info: over-masking is the safe failure.
     */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?#\\s]*):[^@\\s]*?@");
    /** Oracle thin: {@code jdbc:oracle:thin:user/pw@host}. */
    private static final Pattern ORACLE_USER_INFO = Pattern.compile("(?i)(jdbc:oracle:\\w+:[^/@:]+)/[^@]*@");
    /** {@code ?password=x}, {@code &api_key=x}, {@code ;password=x;} (SQL Server), tokens, signatures. */
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)([?&;]\\s*[\\w.-]*(?:password|passwd|pwd|secret|token|key|sig|auth|credential|session)[\\w.-]*\\s*=)[^&;#\\s]*");

    private Redaction() {
    }

    /** {@code //user:secret@host} becomes {@code //user:***@host}. */
    public static String maskUserInfo(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
        return ORACLE_USER_INFO.matcher(masked).replaceAll("$1/" + MASK + "@");
    }

    /** Masks user info and secret-looking query parameters of any URL or connection string. */
    public static String maskUrl(String text) {
        return text == null ? null : SECRET_PARAMS.matcher(maskUserInfo(text)).replaceAll("$1" + MASK);
    }

    /** Replaces every occurrence of the given secret values; used on messages from other drivers. */
    public static String maskValues(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                out = out.replace(secret, MASK);
            }
        }
        return maskUrl(out);
    }
}
