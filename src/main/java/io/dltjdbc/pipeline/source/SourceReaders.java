package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import io.dltjdbc.driver.DltSqlState;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Opens the inputs of {@code LOAD PIPELINE ... FROM}: local files, globs, {@code file:} URIs and
 * http(s) URLs, as streaming {@link RowReader}s.
 *
 * <p>Format: the explicit {@code FORMAT}, else the extension ({@code .jsonl/.ndjson, .json, .csv,
 * .parquet}, the text formats also with {@code .gz}). A local file with another extension is an error
 * (SPEC: the format is taken from the extension). A URL's path often has none, so for URLs the
 * Content-Type comes next, then a sniff of the first non-blank byte ({@code [} or <code>{</code> → JSON,
 * which also reads newline-delimited values). Compression: gzip is recognised by its magic bytes
 * (whatever the name), and HTTP {@code Content-Encoding: gzip|deflate} is undone. Parquet is read by
 * DuckDB from a file ({@link ParquetReader}); a parquet URL is downloaded to a temporary file first.
 */
public final class SourceReaders {
    private static final int SNIFF_BYTES = 65536;
    private static volatile HttpClient defaultClient;

    private SourceReaders() {
    }

    public static RowReader open(String location, String format, Path baseDir, HttpClient http) throws SQLException {
        return open(location, format, baseDir, http, ReadOptions.DEFAULT);
    }

    public static RowReader open(String location, String format, Path baseDir, HttpClient http, ReadOptions options)
            throws SQLException {
        if (location == null || location.isBlank()) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("empty source location");
        }
        SourceFormat explicit = format == null || format.isBlank() ? null : SourceFormat.parse(format);
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri = parseUri(location);
            HttpClient client = http != null ? http : defaultHttpClient(options);
            return openUrl(uri, explicit, client, options);
        }
        Path base = baseDir != null ? baseDir : Path.of("").toAbsolutePath();
        if (lower.startsWith("file:")) {
            Path p;
            try {
                p = Path.of(parseUri(location));
            } catch (IllegalArgumentException e) {
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception(
                        Redaction.maskUrl("not a usable file: URI: '" + location + "' (" + e.getMessage() + ")"));
            }
            return fileReader(p, p.toString(), explicit);
        }
        if (Globs.isGlob(location)) {
            List<Path> files = Globs.expand(location, base);
            List<RowReaderSupplier> openers = new ArrayList<>();
            for (Path f : files) {
                String display = f.startsWith(base.toAbsolutePath().normalize())
                        ? base.toAbsolutePath().normalize().relativize(f).toString() : f.toString();
                openers.add(() -> fileReader(f, display, explicit));
            }
            return new MultiReader(openers, "'" + location + "'");
        }
        Path p;
        try {
            p = base.resolve(location);
        } catch (InvalidPathException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("invalid path '" + location + "': " + e.getReason());
        }
        return fileReader(p, location, explicit);
    }

    /** A JSON text given in the statement: an array yields its elements, an object is one item. */
    public static RowReader inlineJson(String json) throws SQLException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        CountingInputStream raw = new CountingInputStream(new ByteArrayInputStream(bytes));
        return new JsonDocumentReader(new OpenedInput(raw, raw, "inline JSON", SourceFormat.JSON, false));
    }

    /** The client used when the caller passes none: connect timeout from options, redirects followed. */
    public static HttpClient defaultHttpClient(ReadOptions options) {
        if (options.equals(ReadOptions.DEFAULT)) {
            HttpClient c = defaultClient;
            if (c == null) {
                c = buildClient(options);
                defaultClient = c;
            }
            return c;
        }
        return buildClient(options);
    }

    private static HttpClient buildClient(ReadOptions options) {
        return HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private static URI parseUri(String location) throws SQLException {
        try {
            return new URI(location.trim());
        } catch (URISyntaxException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception(Redaction.maskUrl("invalid URL '" + location
                    + "': " + e.getReason() + " at index " + e.getIndex()));
        }
    }

    /** A reader over a stream; parquet never comes here, as DuckDB reads it from a file ({@link ParquetReader}). */
    private static RowReader reader(OpenedInput in) throws SQLException {
        switch (in.format) {
            case JSONL: return new JsonLinesReader(in);
            case JSON: return new JsonDocumentReader(in);
            case CSV: return new CsvReader(in);
            default:
                in.close();
                throw DltSqlState.INTERNAL_ERROR.exception(Redaction.maskUrl("cannot stream " + in.name + " as "
                        + in.format.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static RowReader fileReader(Path file, String display, SourceFormat explicit) throws SQLException {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception(
                    abs + " is a directory; name files or a glob such as '" + display + "/*.jsonl'");
        }
        if (Files.notExists(abs)) {
            // before the format: a missing file is the first thing to fix, whatever its name
            throw DltSqlState.UNDEFINED_FILE.exception("file not found: " + abs);
        }
        SourceFormat format = explicit != null ? explicit : formatOfFile(abs.getFileName().toString(), display);
        if (format == SourceFormat.PARQUET) {
            refuseCompressedParquet(abs.getFileName().toString(), display);
            return ParquetReader.open(abs, display, false);
        }
        InputStream stream;
        try {
            stream = Files.newInputStream(abs);
        } catch (NoSuchFileException e) {
            throw DltSqlState.UNDEFINED_FILE.exception("file not found: " + abs);
        } catch (AccessDeniedException e) {
            throw DltSqlState.IO_ERROR.exception("permission denied: cannot read " + abs, e);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot open " + abs + ": " + e.getMessage(), e);
        }
        return reader(prepare(stream, display, format, null, false));
    }

    /**
     * A file's format from its extension. A file is not sniffed: guessing from the content would load a
     * {@code notes.txt} that happens to start with '{' as JSON, into a table named after its extension.
     */
    private static SourceFormat formatOfFile(String fileName, String display) throws SQLException {
        SourceFormat format = SourceFormat.fromFileName(fileName);
        if (format == null) {
            int dot = fileName.lastIndexOf('.');
            String extension = dot > 0 ? "its extension '" + fileName.substring(dot) + "'" : "its name (no extension)";
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("cannot tell the format of " + display + " from "
                    + extension + "; add FORMAT jsonl|json|csv|parquet after the file name (known extensions: "
                    + SourceFormat.EXTENSIONS + ")");
        }
        return format;
    }

    /** {@code x.parquet.gz}: parquet compresses its data itself, and DuckDB can't read a gzipped parquet file. */
    private static void refuseCompressedParquet(String fileName, String display) throws SQLException {
        if (SourceFormat.isCompressedName(fileName)) {
            throw ParquetReader.compressed(display);
        }
    }

    private static OpenedInput prepare(InputStream stream, String name, SourceFormat format, String contentEncoding,
                                       boolean remote) throws SQLException {
        CountingInputStream raw = new CountingInputStream(stream);
        InputStream in = raw;
        try {
            in = contentDecoded(in, contentEncoding);
            BufferedInputStream b = new BufferedInputStream(in, SNIFF_BYTES);
            b.mark(2);
            int b0 = b.read();
            int b1 = b.read();
            b.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                b = new BufferedInputStream(new GZIPInputStream(b, 65536), SNIFF_BYTES);
            }
            if (format == null) {
                format = sniff(b);
                if (format == null) {
                    b.close();
                    throw DltSqlState.INVALID_PARAMETER_VALUE.exception(Redaction.maskUrl("cannot tell the format of "
                            + name + " from its name or content; add FORMAT jsonl|json|csv|parquet"));
                }
            }
            return new OpenedInput(b, raw, name, format, remote);
        } catch (IOException e) {
            closeQuietly(stream);
            throw new OpenedInput(raw, raw, name, format, remote).readError(name, e);
        }
    }

    /** Undoes HTTP {@code Content-Encoding: gzip|deflate} (transport compression, not the file's own). */
    private static InputStream contentDecoded(InputStream in, String contentEncoding) throws IOException {
        if (contentEncoding != null) {
            String ce = contentEncoding.trim().toLowerCase(Locale.ROOT);
            if (ce.equals("gzip") || ce.equals("x-gzip")) {
                return new GZIPInputStream(in, 65536);
            } else if (ce.equals("deflate")) {
                return new InflaterInputStream(in);
            }
        }
        return in;
    }

    /** '[' or '{' (after blanks and a BOM) means JSON; the JSON reader also takes one value per line. */
    private static SourceFormat sniff(BufferedInputStream b) throws IOException {
        b.mark(SNIFF_BYTES);
        try {
            int i = 0;
            int c;
            while (i++ < SNIFF_BYTES && (c = b.read()) != -1) {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF) continue;
                return c == '[' || c == '{' ? SourceFormat.JSON : null;
            }
            return SourceFormat.JSON;   // empty input: zero items whatever the format
        } finally {
            b.reset();
        }
    }

    private static RowReader openUrl(URI uri, SourceFormat explicit, HttpClient client, ReadOptions options)
            throws SQLException {
        String display = Redaction.maskUrl(uri.toString());
        HttpRequest.Builder rb;
        try {
            URI target = uri;
            rb = HttpRequest.newBuilder();
            if (uri.getRawUserInfo() != null) {
                String auth = uri.getRawAuthority();
                target = new URI(uri.getScheme() + "://" + auth.substring(auth.lastIndexOf('@') + 1)
                        + (uri.getRawPath() == null ? "" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                String userInfo = java.net.URLDecoder.decode(uri.getRawUserInfo().replace("+", "%2B"),
                        StandardCharsets.UTF_8);
                rb.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
            }
            rb.uri(target);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("invalid URL " + display);
        }
        HttpRequest request = rb.timeout(options.requestTimeout())
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "dlt-jdbc")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("timed out connecting to " + display, e);
        } catch (HttpTimeoutException e) {
            throw DltSqlState.CONNECTION_FAILURE.exception("no answer from " + display + " within "
                    + options.requestTimeout().toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot connect to " + display + ": "
                    + ConnectFailure.reason(e, uri));
        } catch (IOException e) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot fetch " + display + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Redaction.maskUrl(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DltSqlState.QUERY_CANCELED.exception("interrupted while fetching " + display);
        }
        int status = response.statusCode();
        if (status >= 300) {
            closeQuietly(response.body());
            String msg = "HTTP " + status + " from " + display;
            if (status == 404 || status == 410) {
                throw DltSqlState.UNDEFINED_FILE.exception("not found (HTTP " + status + "): " + display);
            }
            if (status == 401 || status == 403) {
                throw DltSqlState.INVALID_AUTHORIZATION.exception("access denied (" + msg + ")");
            }
            if (status < 400) {
                throw DltSqlState.IO_ERROR.exception("redirect not followed (" + msg + ")");
            }
            throw (status >= 500 ? DltSqlState.CONNECTION_FAILURE : DltSqlState.IO_ERROR).exception(msg);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        SourceFormat f = explicit;
        if (f == null) f = SourceFormat.fromFileName(path);
        if (f == null) f = SourceFormat.fromContentType(response.headers().firstValue("Content-Type").orElse(null));
        String contentEncoding = response.headers().firstValue("Content-Encoding").orElse(null);
        if (f == SourceFormat.PARQUET) {
            try {
                refuseCompressedParquet(path, display);
            } catch (SQLException e) {
                closeQuietly(response.body());
                throw e;
            }
            return ParquetReader.open(download(response.body(), contentEncoding, display), display, true);
        }
        return reader(prepare(response.body(), display, f, contentEncoding, true));
    }

    /**
     * A parquet file's footer is at its end, so DuckDB needs the whole file, and it has no HTTP of its own here:
     * the body goes to a temporary file, which the parquet reader deletes when it is closed.
     */
    private static Path download(InputStream body, String contentEncoding, String display) throws SQLException {
        Path temp;
        try {
            temp = Files.createTempFile("dlt-jdbc-", ".parquet");
        } catch (IOException e) {
            closeQuietly(body);
            throw DltSqlState.IO_ERROR.exception("cannot create a temporary file for " + display + ": " + e.getMessage(), e);
        }
        CountingInputStream raw = new CountingInputStream(body);
        try (InputStream in = contentDecoded(raw, contentEncoding)) {
            Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return temp;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // left in the temp directory; the load fails anyway
            }
            throw new OpenedInput(raw, raw, display, SourceFormat.PARQUET, true).readError(display, e);
        }
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
