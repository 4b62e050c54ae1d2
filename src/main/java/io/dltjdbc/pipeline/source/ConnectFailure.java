package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why an HTTP request could not connect, in words. The JDK's HttpClient wraps the cause in
 * {@code ConnectException}s without a message (an unknown host is an {@code UnresolvedAddressException} two
 * levels down), so the bare exception would say nothing at all.
 */
public final class ConnectFailure {
    private ConnectFailure() {
    }

    /** {@code unknown host api.chess.com}, {@code connection refused (nothing listens on h:1)}, or the cause's message. */
    public static String reason(ConnectException e, URI uri) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (message == null && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? "connection refused (nothing listens on " + uri.getHost() + ":" + port(uri) + ")"
                : Redaction.maskUrl(message);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
