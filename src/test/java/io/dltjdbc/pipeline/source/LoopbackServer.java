package io.dltjdbc.pipeline.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server answering fixed bodies by path (404 otherwise), for URL source tests. */
public final class LoopbackServer implements AutoCloseable {
    /** A canned answer. */
    public record Answer(int status, byte[] body, String contentType, String contentEncoding) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public LoopbackServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Answer a = answers.get(exchange.getRequestURI().getPath());
            if (a == null) a = new Answer(404, "not found".getBytes(), "text/plain", null);
            if (a.contentType() != null) exchange.getResponseHeaders().set("Content-Type", a.contentType());
            if (a.contentEncoding() != null) exchange.getResponseHeaders().set("Content-Encoding", a.contentEncoding());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        server.start();
    }

    public LoopbackServer serve(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public LoopbackServer serve(String path, String body, String contentType) {
        return serve(path, new Answer(200, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType, null));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
