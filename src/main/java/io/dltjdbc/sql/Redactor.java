package io.dltjdbc.sql;

import java.util.regex.Pattern;

/**
 * Masks secrets in connection URLs before they reach a message, log or {@code toString()}
 * (SPEC §6: passwords never appear). Errs on the side of masking too much: a masked
 * non-secret costs nothing, a leaked password costs a rotation.
 */
public final class Redactor {

    public static final String MASK = "***";

    /** {@code ?password=x}, {@code &sslpassword=x}, {@code ;password=x;} (SQL Server), tokens. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;]\\s*[\\w.-]*(?:password|passwd|pwd|secret|token|private_?key|access_?key)"
                    + "[\\w.-]*\\s*=)[^&;]*");
    /**
     * {@code //user:pw@host}: from the user's ':' to the first '@'. May also swallow a port and
     * path when a later '@' is not user info (over-masking is the safe failure).
     */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?#\\s]*:)[^@\\s]*?@");
    /** Oracle thin: {@code jdbc:oracle:thin:user/pw@host}. */
    private static final Pattern ORACLE_USER_INFO = Pattern.compile(
            "(?i)(jdbc:oracle:\\w+:[^/@:]+/)[^@]*@");

    private Redactor() {
    }

    /** @return the URL with password-like values replaced by {@value #MASK}; null stays null */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        masked = USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
        return ORACLE_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }
}
