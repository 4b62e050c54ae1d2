package io.dltjdbc.pipeline.source.chess;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recorded chess.com answers shipped in the jar ({@code sources.chess.api_url = "sample"}), for an
 * offline demo. {@code GET /pub/<path>} is served from {@code io/dltjdbc/chess-sample/<path>.json}
 * (absolute URLs are mapped by what follows {@code /pub/}); anything else is a 404. The callback
 * {@code user/popup/<player>} has no recording: its answer is synthesized from the player's
 * recorded {@code is-online.json} ({@code online} → {@code onlineStatus "online"/"offline"},
 * absent → "offline") and the profile's {@code last_online} ({@code lastLoginDate}). See the
 * README.md and PROVENANCE.md next to the files.
 */
public final class SampleChessApi implements ChessApi {
    /** Value of {@code sources.chess.api_url} that selects this API. */
    public static final String API_URL = "sample";
    /**
     * Players with a recorded profile and games: hikaru 2014/01, 2022/11, 2022/12; fabianocaruana 2020/05.
     * (erik has games of 2009/10 but no recorded profile, so only {@code players_games} works for him.)
     */
    public static final List<String> DEFAULT_PLAYERS = List.of("hikaru", "fabianocaruana");
    public static final String DEFAULT_START_MONTH = "2014/01";
    public static final String DEFAULT_END_MONTH = "2022/12";
    /** The players with a recorded profile (so also an online status). */
    public static final List<String> PROFILE_PLAYERS = List.of("hikaru", "fabianocaruana", "farzyplayschess");
    /** The players with recorded games (an archive list and at least one month of games). */
    public static final List<String> GAME_PLAYERS = List.of("hikaru", "fabianocaruana", "erik");

    private static final String ROOT = "io/dltjdbc/chess-sample/";

    @Override
    public Object getJson(String pathOrUrl) throws SQLException {
        String path = pathOrUrl;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            int i = path.indexOf("/pub/");
            if (i < 0) return null;
            path = path.substring(i + 5);
        }
        path = path.toLowerCase(Locale.ROOT);
        while (path.startsWith("/")) path = path.substring(1);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.isEmpty() || path.contains("..")) return null;
        String resource = ROOT + path + ".json";
        try (InputStream in = SampleChessApi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            return JsonValues.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sample " + resource);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read sample " + resource, e);
        }
    }

    /**
     * Not chess.com's 404: only the sample lacks the player. Says which players it has for what was asked
     * (profiles and online status need a profile, games an archive list) and how to reach chess.com instead.
     */
    @Override
    public SQLException noSuchPlayer(String player, String path) {
        boolean games = path.endsWith("/games/archives");
        return DltSqlState.UNDEFINED_FILE.exception("the offline chess sample (sources.chess.api_url = \"sample\") has no "
                + (games ? "games" : "profile") + " of player '" + player + "'; it has " + (games ? "games" : "profiles")
                + " of " + String.join(", ", games ? GAME_PLAYERS : PROFILE_PLAYERS) + ". To load any chess.com player,"
                + " remove api_url = \"sample\" from [sources.chess] in .dlt/config.toml (needs internet)");
    }

    @Override
    public Object getCallbackJson(String path) throws SQLException {
        String p = path;
        while (p.startsWith("/")) p = p.substring(1);
        if (!p.startsWith("user/popup/")) return null;
        return popup(this, p.substring("user/popup/".length()));
    }

    /** The synthesized callback answer for a player, or null when the player has no recorded profile. */
    static Map<String, Object> popup(ChessApi api, String player) throws SQLException {
        Object profile = api.getJson("player/" + player);
        if (!(profile instanceof Map)) return null;
        Object isOnline = api.getJson("player/" + player + "/is-online");
        boolean online = isOnline instanceof Map && Boolean.TRUE.equals(((Map<?, ?>) isOnline).get("online"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", ((Map<?, ?>) profile).get("username"));
        answer.put("onlineStatus", online ? "online" : "offline");
        answer.put("lastLoginDate", ((Map<?, ?>) profile).get("last_online"));
        return answer;
    }
}
