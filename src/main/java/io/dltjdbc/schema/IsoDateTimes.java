package io.dltjdbc.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 parsing as dlt's {@code iso_timestamp} autodetection accepts it: a date, a {@code T} or space,
 * a time, an optional offset (naive values are UTC). Hand-written because this runs on every new string
 * column and a DateTimeFormatter with optional sections would throw on every plain string.
 */
final class IsoDateTimes {
    private IsoDateTimes() {
    }

    /** A date-time (a time part is required), normalized to UTC; null when {@code s} is not one. */
    static OffsetDateTime parseDateTime(String s) {
        return parse(s, false);
    }

    /** Like {@link #parseDateTime} but a date alone means midnight UTC (coercion into a timestamp column). */
    static OffsetDateTime parseDateTimeOrDate(String s) {
        return parse(s, true);
    }

    static LocalDate parseDate(String s) {
        OffsetDateTime dt = parse(s, true);
        return dt == null ? null : dt.toLocalDate();
    }

    static LocalTime parseTime(String s) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeException e) {
            OffsetDateTime dt = parse(s, false);
            return dt == null ? null : dt.toLocalTime();
        }
    }

    private static OffsetDateTime parse(String s, boolean allowDateOnly) {
        int n = s.length();
        if (n < 8 || !isDigit(s, 0)) {
            return null;
        }
        int[] p = {0};
        int year = digits(s, p, 4);
        if (year < 0) {
            return null;
        }
        boolean extended = p[0] < n && s.charAt(p[0]) == '-';
        if (extended) {
            p[0]++;
        }
        int month = digits(s, p, 2);
        if (month < 0 || extended && (p[0] >= n || s.charAt(p[0]++) != '-')) {
            return null;
        }
        int day = digits(s, p, 2);
        if (day < 0) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (p[0] == n) {
                return allowDateOnly ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : null;
            }
            char sep = s.charAt(p[0]++);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                return null;
            }
            int hour = digits(s, p, 2);
            if (hour < 0) {
                return null;
            }
            int minute = 0;
            int second = 0;
            int nanos = 0;
            if (p[0] < n && (s.charAt(p[0]) == ':' || isDigit(s, p[0]))) {
                boolean colon = s.charAt(p[0]) == ':';
                if (colon) {
                    p[0]++;
                }
                minute = digits(s, p, 2);
                if (minute < 0) {
                    return null;
                }
                if (p[0] < n && (colon ? s.charAt(p[0]) == ':' : isDigit(s, p[0]))) {
                    if (colon) {
                        p[0]++;
                    }
                    second = digits(s, p, 2);
                    if (second < 0) {
                        return null;
                    }
                    if (p[0] < n && (s.charAt(p[0]) == '.' || s.charAt(p[0]) == ',')) {
                        p[0]++;
                        int start = p[0];
                        long fraction = 0;
                        while (p[0] < n && isDigit(s, p[0])) {
                            if (p[0] - start < 9) {
                                fraction = fraction * 10 + (s.charAt(p[0]) - '0');
                            }
                            p[0]++;
                        }
                        int count = p[0] - start;
                        if (count == 0) {
                            return null;
                        }
                        for (int i = Math.min(count, 9); i < 9; i++) {
                            fraction *= 10;
                        }
                        nanos = (int) fraction;
                    }
                }
            }
            LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
            ZoneOffset offset = offset(s, p[0]);
            return offset == null ? null : local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int pos) {
        int n = s.length();
        if (pos == n) {
            return ZoneOffset.UTC;
        }
        char c = s.charAt(pos);
        if ((c == 'Z' || c == 'z') && pos + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int[] p = {pos + 1};
        int hours = digits(s, p, 2);
        if (hours < 0) {
            return null;
        }
        int minutes = 0;
        if (p[0] < n) {
            if (s.charAt(p[0]) == ':') {
                p[0]++;
            }
            minutes = digits(s, p, 2);
            if (minutes < 0 || p[0] != n) {
                return null;
            }
        }
        int sign = c == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int digits(String s, int[] p, int count) {
        if (p[0] + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = s.charAt(p[0] + i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        p[0] += count;
        return value;
    }

    private static boolean isDigit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }
}
