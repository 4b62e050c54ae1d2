package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.Locale;

/** The file formats of {@code LOAD PIPELINE ... FROM '<location>' [FORMAT f]}. */
public enum SourceFormat {
    JSONL, JSON, CSV, PARQUET;

    /** The extensions {@link #fromFileName} knows, for error messages. */
    public static final String EXTENSIONS = ".jsonl, .ndjson, .json, .csv (each also .gz), .parquet";

    /** {@code FORMAT} clause value (case-insensitive; {@code ndjson} means jsonl). */
    public static SourceFormat parse(String name) throws SQLException {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "jsonl": case "ndjson": return JSONL;
            case "json": return JSON;
            case "csv": return CSV;
            case "parquet": return PARQUET;
            default:
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception(
                        "unknown FORMAT '" + name + "'; use jsonl, json, csv or parquet");
        }
    }

    /** From a file name's extension, a trailing {@code .gz} ignored; null when unknown. */
    public static SourceFormat fromFileName(String name) {
        String n = withoutCompression(name).toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return JSONL;
        if (n.endsWith(".json")) return JSON;
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".parquet")) return PARQUET;
        return null;
    }

    /** True for a name ending in {@code .gz} or {@code .gzip}. */
    public static boolean isCompressedName(String name) {
        return !withoutCompression(name).equals(name);
    }

    /** The name without a trailing {@code .gz} or {@code .gzip} (any case). */
    public static String withoutCompression(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            return name.substring(0, name.length() - 3);
        }
        if (n.endsWith(".gzip")) {
            return name.substring(0, name.length() - 5);
        }
        return name;
    }

    /** From an HTTP Content-Type; null when it says nothing useful (text/plain, octet-stream). */
    public static SourceFormat fromContentType(String contentType) {
        if (contentType == null) return null;
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi);
        t = t.trim();
        if (t.endsWith("ndjson") || t.endsWith("jsonl") || t.endsWith("json-lines")
                || t.endsWith("jsonlines") || t.equals("application/json-seq")) return JSONL;
        if (t.equals("application/json") || t.endsWith("+json") || t.equals("text/json")) return JSON;
        if (t.equals("text/csv") || t.equals("application/csv")) return CSV;
        if (t.contains("parquet")) return PARQUET;
        return null;
    }
}
