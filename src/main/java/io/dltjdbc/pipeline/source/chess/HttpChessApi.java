package io.dltjdbc.pipeline.source.chess;

import io.dltjdbc.driver.Redaction;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.ConnectFailure;
import io.dltjdbc.pipeline.source.JsonValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * chess.com over HTTP. Like dlt's {@code get_url_with_retry}, answers 429 and 5xx are retried
 * (3 attempts in all, waiting Retry-After capped at 10 s, else 1 s then 2 s); 404 gives null.
 */
public final class HttpChessApi implements ChessApi {
    public static final String DEFAULT_API_URL = "https://api.chess.com/pub";
    public static final String DEFAULT_CALLBACK_URL = "https://www.chess.com/callback";

    private final String apiUrl;
    private final String callbackUrl;
    private final HttpClient http;
    private final int attempts;
    private final Duration requestTimeout = Duration.ofSeconds(60);

    /** What to do without internet, for failures to reach the API at all (the demo is often run offline). */
    static final String OFFLINE_HINT = "; without internet, load the recorded sample instead: set api_url = \"sample\""
            + " under [sources.chess] in .dlt/config.toml (what init --offline writes)";

    public HttpChessApi(String apiUrl, String callbackUrl, HttpClient http) {
        this(apiUrl, callbackUrl, http, 3);
    }

    public HttpChessApi(String apiUrl, String callbackUrl, HttpClient http, int attempts) {
        this.apiUrl = trimSlash(apiUrl == null ? DEFAULT_API_URL : apiUrl);
        this.callbackUrl = trimSlash(callbackUrl == null ? DEFAULT_CALLBACK_URL : callbackUrl);
        this.http = http != null ? http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.attempts = Math.max(1, attempts);
    }

    private static String trimSlash(String s) {
        String t = s.trim();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    private static String join(String base, String path) {
        String p = path;
        while (p.startsWith("/")) p = p.substring(1);
        return base + "/" + p;
    }

    @Override
    public Object getJson(String pathOrUrl) throws SQLException {
        boolean absolute = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://");
        return get(absolute ? pathOrUrl : join(apiUrl, pathOrUrl));
    }

    @Override
    public Object getCallbackJson(String path) throws SQLException {
        return get(join(callbackUrl, path));
    }

    private Object get(String url) throws SQLException {
        String shown = Redaction.maskUrl(url);
        HttpRequest request;
        URI uri;
        try {
            uri = URI.create(url);
            request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .header("User-Agent", "dlt-jdbc chess source")
                    .header("Accept-Encoding", "gzip")
                    .GET().build();
        } catch (IllegalArgumentException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("invalid URL " + shown);
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException e) {
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("timed out connecting to " + shown + OFFLINE_HINT, e);
            } catch (HttpTimeoutException e) {
                throw DltSqlState.CONNECTION_FAILURE.exception("no answer from " + shown, e);
            } catch (ConnectException e) {
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot connect to " + shown + ": "
                        + ConnectFailure.reason(e, uri) + OFFLINE_HINT);
            } catch (IOException e) {
                throw DltSqlState.CONNECTION_FAILURE.exception("cannot fetch " + shown + ": "
                        + Redaction.maskUrl(String.valueOf(e.getMessage())), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DltSqlState.QUERY_CANCELED.exception("interrupted while fetching " + shown);
            }
            int status = response.statusCode();
            if (status == 404) return null;
            if ((status == 429 || status >= 500) && attempt < attempts) {
                sleep(response, attempt);
                continue;
            }
            if (status >= 400) {
                throw (status == 401 || status == 403 ? DltSqlState.INVALID_AUTHORIZATION
                        : status >= 500 || status == 429 ? DltSqlState.CONNECTION_FAILURE : DltSqlState.IO_ERROR)
                        .exception("HTTP " + status + " from " + shown);
            }
            return JsonValues.parse(decode(response, shown), shown);
        }
    }

    private static String decode(HttpResponse<byte[]> response, String shown) throws SQLException {
        byte[] body = response.body();
        try {
            if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DltSqlState.INVALID_TEXT_REPRESENTATION.exception("invalid UTF-8 in the answer of " + shown);
        } catch (IOException e) {
            throw DltSqlState.DATA_EXCEPTION.exception("corrupt gzip answer from " + shown, e);
        }
    }

    private static void sleep(HttpResponse<?> response, int attempt) throws SQLException {
        long millis = attempt * 1000L;
        String after = response.headers().firstValue("Retry-After").orElse(null);
        if (after != null) {
            try {
                millis = Math.min(10_000L, Long.parseLong(after.trim()) * 1000L);
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep the default wait
            }
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DltSqlState.QUERY_CANCELED.exception("interrupted");
        }
    }
}
