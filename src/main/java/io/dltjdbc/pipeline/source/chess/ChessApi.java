package io.dltjdbc.pipeline.source.chess;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;

/** The two chess.com endpoints the chess source reads (the PubAPI and the unofficial callback). */
public interface ChessApi {
    /**
     * {@code GET} a PubAPI path relative to the API URL ({@code "player/hikaru"}) or an absolute URL
     * (the archive URLs the API returns). Returns the parsed JSON (a {@code Map} for chess.com), or
     * {@code null} for 404.
     */
    Object getJson(String pathOrUrl) throws SQLException;

    /** {@code GET} a path of the unofficial callback API ({@code "user/popup/hikaru"}); null for 404. */
    Object getCallbackJson(String path) throws SQLException;

    /** The error for a player this API has nothing for ({@code path} answered 404). */
    default SQLException noSuchPlayer(String player, String path) {
        return DltSqlState.UNDEFINED_FILE.exception("chess.com has no player '" + player + "' (404 for " + path + ")");
    }

    /**
     * The API for the settings {@code sources.chess.api_url} / {@code callback_url}: "sample" (any
     * case) gives the recordings shipped in the jar, null values the chess.com defaults.
     */
    static ChessApi forSettings(String apiUrl, String callbackUrl, java.net.http.HttpClient http) {
        if (apiUrl != null && apiUrl.trim().equalsIgnoreCase(SampleChessApi.API_URL)) return new SampleChessApi();
        return new HttpChessApi(apiUrl, callbackUrl, http);
    }
}
