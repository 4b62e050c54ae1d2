package io.dltjdbc.pipeline.source.chess;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for chess.com serving the recorded answers shipped in
 * {@code io/dltjdbc/chess-sample/}: {@code GET /pub/player/hikaru/games/2022/11} answers
 * {@code player/hikaru/games/2022/11.json}, with {@code https://api.chess.com/pub} in bodies rewritten
 * to this server (so archive URLs point here); {@code /callback/user/popup/{p}} answers the synthesized
 * popup (see the sample README); anything else is 404. Use {@link #apiUrl()} and
 * {@link #callbackUrl()} as {@code sources.chess.api_url} / {@code callback_url}.
 */
public final class ChessApiServer implements AutoCloseable {
    private static final String ROOT = "io/dltjdbc/chess-sample/";
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private ChessApiServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            byte[] body = answer(path);
            int status = body == null ? 404 : 200;
            if (body == null) body = "{\"code\":0,\"message\":\"An internal error has occurred. Please contact Chess.com Developer's Forum for further help https://www.chess.com/club/chess-com-developer-community .\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static ChessApiServer start() throws IOException {
        return new ChessApiServer();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiUrl() {
        return baseUrl() + "/pub";
    }

    public String callbackUrl() {
        return baseUrl() + "/callback";
    }

    /** Paths requested so far, in order. */
    public List<String> requests() {
        return requests;
    }

    private byte[] answer(String path) throws IOException {
        if (path.startsWith("/pub/")) {
            String rel = path.substring(5).toLowerCase(Locale.ROOT);
            if (rel.contains("..") || rel.isEmpty()) return null;
            try (InputStream in = ChessApiServer.class.getClassLoader().getResourceAsStream(ROOT + rel + ".json")) {
                if (in == null) return null;
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return text.replace("https://api.chess.com/pub", apiUrl()).getBytes(StandardCharsets.UTF_8);
            }
        }
        if (path.startsWith("/callback/user/popup/")) {
            try {
                Map<String, Object> popup = SampleChessApi.popup(new SampleChessApi(),
                        path.substring("/callback/user/popup/".length()));
                if (popup == null) return null;
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(popup);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
