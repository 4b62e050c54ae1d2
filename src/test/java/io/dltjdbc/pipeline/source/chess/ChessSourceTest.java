package io.dltjdbc.pipeline.source.chess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.pipeline.source.RowReader;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChessSourceTest {
    static ChessApiServer server;
    static HttpChessApi http;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        server = ChessApiServer.start();
        http = new HttpChessApi(server.apiUrl(), server.callbackUrl(), HttpClient.newHttpClient(), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Object> rows(ChessSource source, String resource, Map<String, Object> state) throws SQLException {
        Resource r = source.resources(Set.of(resource), state).get(0);
        assertEquals(resource, r.name());
        List<Object> out = new ArrayList<>();
        try (RowReader reader = r.rows().open()) {
            for (Object o = reader.next(); o != null; o = reader.next()) out.add(o);
        }
        return out;
    }

    static List<String> months(List<Object> games) {
        return games.stream().map(g -> {
            long end = (Long) ((Map<?, ?>) g).get("end_time");
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(end), ZoneOffset.UTC).toString().substring(0, 7);
        }).distinct().collect(Collectors.toList());
    }

    @Test
    void defaultResourcesAreProfilesGamesAndOnlineStatusWithDltHints() {
        List<Resource> rs = new ChessSource(http, List.of("hikaru"), null, null).resources(null, new LinkedHashMap<>());
        assertEquals(List.of("players_profiles", "players_games", "players_online_status"),
                rs.stream().map(Resource::name).collect(Collectors.toList()));
        assertEquals("replace", rs.get(0).writeDisposition());
        assertEquals("last_online timestamp, joined timestamp", rs.get(0).columnsHint());
        assertEquals("append", rs.get(1).writeDisposition());
        assertEquals("end_time timestamp", rs.get(1).columnsHint());
        assertEquals("append", rs.get(2).writeDisposition());
    }

    @Test
    void profilesAreOneUnchangedRowPerPlayer() throws Exception {
        List<Object> rows = rows(new ChessSource(http, List.of("hikaru", "fabianocaruana"), null, null),
                "players_profiles", null);
        assertEquals(2, rows.size());
        Map<?, ?> hikaru = (Map<?, ?>) rows.get(0);
        assertEquals("hikaru", hikaru.get("username"));
        assertEquals(1687899135L, hikaru.get("last_online"));
        assertTrue(((String) hikaru.get("@id")).endsWith("/pub/player/hikaru"));
    }

    @Test
    void unknownPlayerProfileIsNotFound() {
        SQLException e = assertThrows(SQLException.class,
                () -> rows(new ChessSource(http, List.of("magnuscarlsen"), null, null), "players_profiles", null));
        assertEquals("58P01", e.getSQLState());
        assertTrue(e.getMessage().contains("magnuscarlsen"), e.getMessage());
    }

    @Test
    void archivesYieldTheArchiveUrlsOfEachPlayer() throws Exception {
        List<Object> rows = rows(new ChessSource(http, List.of("hikaru", "erik"), null, null), "players_archives", null);
        assertEquals(List.of(server.apiUrl() + "/player/hikaru/games/2014/01",
                server.apiUrl() + "/player/hikaru/games/2022/11", server.apiUrl() + "/player/hikaru/games/2022/12",
                server.apiUrl() + "/player/erik/games/2009/10"), rows);
    }

    @Test
    void gamesAreFilteredByMonthRange() throws Exception {
        List<Object> games = rows(new ChessSource(http, List.of("hikaru", "fabianocaruana"), "2022/11", "2022/12"),
                "players_games", new LinkedHashMap<>());
        assertEquals(40, games.size());
        assertEquals(List.of("2022-11", "2022-12"), months(games));
        List<Object> upTo2014 = rows(new ChessSource(http, List.of("hikaru"), null, "2014/01"), "players_games", null);
        assertEquals(List.of("2014-01"), months(upTo2014));
    }

    @Test
    void secondRunSkipsArchivesRememberedInState() throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        ChessSource source = new ChessSource(http, List.of("hikaru"), "2022/11", "2022/12");
        assertEquals(40, rows(source, "players_games", state).size());
        Object archives = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) state.get("resources")).get("players_games")))
                .get("archives");
        assertEquals(List.of(server.apiUrl() + "/player/hikaru/games/2022/11",
                server.apiUrl() + "/player/hikaru/games/2022/12"), archives);
        int before = server.requests().size();
        assertEquals(List.of(), rows(source, "players_games", state));
        assertEquals(List.of("/pub/player/hikaru/games/archives"), server.requests().subList(before, server.requests().size()));
        // a wider range loads only the month not yet loaded
        assertEquals(List.of("2014-01"), months(rows(new ChessSource(http, List.of("hikaru"), null, null),
                "players_games", state)));
    }

    @Test
    void missingMonthArchiveYieldsNoGames() throws Exception {
        ChessApi withGap = new ChessApi() {
            @Override
            public Object getJson(String pathOrUrl) throws SQLException {
                if (pathOrUrl.endsWith("/archives")) {
                    return Map.of("archives", List.of(server.apiUrl() + "/player/hikaru/games/2022/10",
                            server.apiUrl() + "/player/hikaru/games/2022/11"));
                }
                return http.getJson(pathOrUrl);
            }

            @Override
            public Object getCallbackJson(String path) throws SQLException {
                return http.getCallbackJson(path);
            }
        };
        Map<String, Object> state = new LinkedHashMap<>();
        List<Object> games = rows(new ChessSource(withGap, List.of("hikaru"), "2022/10", "2022/11"), "players_games", state);
        assertEquals(20, games.size());
        assertTrue(server.requests().contains("/pub/player/hikaru/games/2022/10"));
        assertEquals(2, ChessSource.checkedArchives(state).size());
    }

    @Test
    void onlineStatusComesFromTheCallbackWithCheckTime() throws Exception {
        List<Object> rows = rows(new ChessSource(http, List.of("hikaru", "fabianocaruana"), null, null, CLOCK),
                "players_online_status", null);
        Map<?, ?> hikaru = (Map<?, ?>) rows.get(0);
        assertEquals(List.of("username", "onlineStatus", "lastLoginDate", "check_time"), new ArrayList<>(hikaru.keySet()));
        assertEquals("hikaru", hikaru.get("username"));
        assertEquals("offline", hikaru.get("onlineStatus"));
        assertEquals(1687899135L, hikaru.get("lastLoginDate"));
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00Z"), hikaru.get("check_time"));
        assertEquals(2, rows.size());
    }

    @Test
    void monthWithoutSlashAsFifthCharacterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChessSource(http, List.of("hikaru"), "2022-11", null));
        assertThrows(IllegalArgumentException.class, () -> new ChessSource(http, List.of("hikaru"), null, "22/1"));
        new ChessSource(http, List.of("hikaru"), "2022/11", "");
    }

    @Test
    void unknownResourceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChessSource(http, List.of("hikaru"), null, null).resources(Set.of("players_stats"), null));
        assertTrue(e.getMessage().contains("players_stats"));
    }

    @Test
    void sampleApiGivesTheSameItemsAsHttp() throws Exception {
        List<String> players = List.of("hikaru", "fabianocaruana");
        ChessSource overHttp = new ChessSource(http, players, null, null, CLOCK);
        ChessSource sample = new ChessSource(new SampleChessApi(), players, null, null, CLOCK);
        for (String resource : List.of("players_profiles", "players_archives", "players_games", "players_online_status")) {
            String a = rows(overHttp, resource, null).toString().replace(server.apiUrl(), "https://api.chess.com/pub");
            assertEquals(a, rows(sample, resource, null).toString(), resource);
        }
    }

    @Test
    void sampleDefaultsLoadRealGamesOffline() throws Exception {
        ChessSource source = new ChessSource(new SampleChessApi(), SampleChessApi.DEFAULT_PLAYERS,
                SampleChessApi.DEFAULT_START_MONTH, SampleChessApi.DEFAULT_END_MONTH);
        List<Object> games = rows(source, "players_games", new LinkedHashMap<>());
        assertEquals(20 + 20 + 20 + 17, games.size());
        assertInstanceOf(Map.class, ((Map<?, ?>) games.get(0)).get("white"));
        assertEquals(2, rows(source, "players_profiles", null).size());
        assertEquals(2, rows(new ChessSource(new SampleChessApi(), List.of("erik"), null, null),
                "players_games", null).size());
    }

    @Test
    void playerMissingFromTheSampleIsTheSamplesLackListingWhatItHas() {
        ChessSource sample = new ChessSource(new SampleChessApi(), List.of("magnuscarlsen"), null, null);
        SQLException profile = assertThrows(SQLException.class, () -> rows(sample, "players_profiles", null));
        assertEquals("58P01", profile.getSQLState());
        assertTrue(profile.getMessage().startsWith("the offline chess sample (sources.chess.api_url = \"sample\") has no"
                + " profile of player 'magnuscarlsen'; it has profiles of hikaru, fabianocaruana, farzyplayschess."),
                profile.getMessage());
        SQLException games = assertThrows(SQLException.class, () -> rows(sample, "players_games", new LinkedHashMap<>()));
        assertTrue(games.getMessage().contains("has no games of player 'magnuscarlsen'; it has games of hikaru,"
                + " fabianocaruana, erik."), games.getMessage());
        SQLException status = assertThrows(SQLException.class, () -> rows(sample, "players_online_status", null));
        assertTrue(status.getMessage().contains("no profile of player 'magnuscarlsen'"), status.getMessage());
    }

    @Test
    void playersTheSampleListsHaveTheirRecordings() throws Exception {
        for (String player : SampleChessApi.PROFILE_PLAYERS) {
            ChessSource source = new ChessSource(new SampleChessApi(), List.of(player), null, null);
            assertEquals(1, rows(source, "players_profiles", null).size(), player);
            assertEquals(1, rows(source, "players_online_status", null).size(), player);
        }
        for (String player : SampleChessApi.GAME_PLAYERS) {
            ChessSource source = new ChessSource(new SampleChessApi(), List.of(player), null, null);
            assertTrue(rows(source, "players_games", new LinkedHashMap<>()).size() > 0, player);
        }
    }

    @Test
    void sampleSettingSelectsTheShippedRecordings() {
        assertInstanceOf(SampleChessApi.class, ChessApi.forSettings("sample", null, null));
        assertInstanceOf(HttpChessApi.class, ChessApi.forSettings(null, null, null));
    }

    @Test
    void positionNamesResourceItemAndArchive() throws Exception {
        Resource r = new ChessSource(new SampleChessApi(), List.of("erik"), null, null)
                .resources(Set.of("players_games"), null).get(0);
        try (RowReader reader = r.rows().open()) {
            reader.next();
            assertEquals("chess players_games item 1 (https://api.chess.com/pub/player/erik/games/2009/10)",
                    reader.position());
        }
    }
}
