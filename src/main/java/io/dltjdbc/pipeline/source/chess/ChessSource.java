package io.dltjdbc.pipeline.source.chess;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.pipeline.source.RowReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dlt's verified {@code chess} source (dlt-hub/verified-sources sources/chess/__init__.py):
 * <ul>
 * <li>{@code players_profiles} (replace; last_online, joined: timestamp): {@code GET player/{p}} as is.</li>
 * <li>{@code players_archives} (replace; not selected by default): the archive URL strings of each
 *     player (dlt yields the list, so each URL is an item: a scalar, stored as {@code value}).</li>
 * <li>{@code players_games} (append; end_time: timestamp): each archive whose last 7 characters lie in
 *     [start_month, end_month] (string comparison) and that is not yet in the state list
 *     {@code resources.players_games.archives} is added to it, fetched (404 → no games) and its
 *     {@code games} yielded.</li>
 * <li>{@code players_online_status} (append): callback {@code user/popup/{p}} →
 *     {@code {username, onlineStatus, lastLoginDate, check_time}} (check_time = now, UTC).</li>
 * </ul>
 * A missing player (404 on profile or archives) is an error, as dlt's raised HTTPError.
 */
public final class ChessSource {
    public static final String PROFILES = "players_profiles";
    public static final String ARCHIVES = "players_archives";
    public static final String GAMES = "players_games";
    public static final String ONLINE_STATUS = "players_online_status";
    /** All resources in dlt's order. */
    public static final List<String> RESOURCES = List.of(PROFILES, ARCHIVES, GAMES, ONLINE_STATUS);
    /** The resources dlt selects by default. */
    public static final Set<String> DEFAULT_RESOURCES = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of(PROFILES, GAMES, ONLINE_STATUS)));

    private final ChessApi api;
    private final List<String> players;
    private final String startMonth;
    private final String endMonth;
    private final Clock clock;

    public ChessSource(ChessApi api, List<String> players, String startMonth, String endMonth) {
        this(api, players, startMonth, endMonth, Clock.systemUTC());
    }

    /** @throws IllegalArgumentException if a month's 5th character is not '/' (dlt's check) */
    public ChessSource(ChessApi api, List<String> players, String startMonth, String endMonth, Clock clock) {
        validateMonth("start_month", startMonth);
        validateMonth("end_month", endMonth);
        this.api = api;
        this.players = List.copyOf(players);
        this.startMonth = startMonth;
        this.endMonth = endMonth;
        this.clock = clock;
    }

    private static void validateMonth(String arg, String month) {
        if (month != null && !month.isEmpty() && (month.length() < 5 || month.charAt(4) != '/')) {
            throw new IllegalArgumentException(arg + " '" + month + "' is not a month in the form YYYY/MM");
        }
    }

    /**
     * The selected resources in dlt's order.
     *
     * @param selected    resource names, null for {@link #DEFAULT_RESOURCES}
     * @param sourceState dlt's {@code sources.chess} state dict, mutated while players_games is read;
     *                    null for none
     * @throws IllegalArgumentException for an unknown resource name
     */
    public List<Resource> resources(Set<String> selected, Map<String, Object> sourceState) {
        Set<String> want = selected == null ? DEFAULT_RESOURCES : selected;
        for (String name : want) {
            if (!RESOURCES.contains(name)) {
                throw new IllegalArgumentException("the chess source has no resource '" + name + "'; it has "
                        + String.join(", ", RESOURCES));
            }
        }
        Map<String, Object> state = sourceState != null ? sourceState : new LinkedHashMap<>();
        List<Resource> out = new ArrayList<>();
        if (want.contains(PROFILES)) {
            out.add(new Resource(PROFILES, "replace", "last_online timestamp, joined timestamp",
                    () -> new PlayerReader(PROFILES, p -> List.of(profile(p)).iterator())));
        }
        if (want.contains(ARCHIVES)) {
            out.add(new Resource(ARCHIVES, "replace", null, () -> new PlayerReader(ARCHIVES, p -> archives(p).iterator())));
        }
        if (want.contains(GAMES)) {
            out.add(new Resource(GAMES, "append", "end_time timestamp", () -> new GamesReader(checkedArchives(state))));
        }
        if (want.contains(ONLINE_STATUS)) {
            out.add(new Resource(ONLINE_STATUS, "append", null,
                    () -> new PlayerReader(ONLINE_STATUS, p -> List.of(onlineStatus(p)).iterator())));
        }
        return out;
    }

    private Object profile(String player) throws SQLException {
        Object profile = api.getJson("player/" + player);
        if (profile == null) throw notFound(player, "player/" + player);
        return profile;
    }

    private List<Object> archives(String player) throws SQLException {
        String path = "player/" + player + "/games/archives";
        Object answer = api.getJson(path);
        if (answer == null) throw notFound(player, path);
        Object list = answer instanceof Map ? ((Map<?, ?>) answer).get("archives") : null;
        return list instanceof List ? new ArrayList<>((List<?>) list) : List.of();
    }

    private Object onlineStatus(String player) throws SQLException {
        Object status = api.getCallbackJson("user/popup/" + player);
        if (!(status instanceof Map)) throw notFound(player, "callback user/popup/" + player);
        Map<?, ?> s = (Map<?, ?>) status;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", player);
        row.put("onlineStatus", s.get("onlineStatus"));
        row.put("lastLoginDate", s.get("lastLoginDate"));
        row.put("check_time", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return row;
    }

    private SQLException notFound(String player, String path) {
        return api.noSuchPlayer(player, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> checkedArchives(Map<String, Object> state) {
        Map<String, Object> resources = mutableMap(state, "resources");
        Map<String, Object> games = mutableMap(resources, GAMES);
        Object list = games.get("archives");
        if (!(list instanceof ArrayList)) {
            List<Object> copy = new ArrayList<>();
            if (list instanceof List) copy.addAll((List<Object>) list);
            games.put("archives", copy);
            return copy;
        }
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableMap(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof LinkedHashMap) return (Map<String, Object>) v;
        Map<String, Object> copy = new LinkedHashMap<>();
        if (v instanceof Map) copy.putAll((Map<String, Object>) v);
        parent.put(key, copy);
        return copy;
    }

    // --- lazy readers ---------------------------------------------------------------------------

    @FunctionalInterface
    private interface PerPlayer {
        Iterator<?> items(String player) throws SQLException;
    }

    /** Base: counts items and names the player/archive being read. */
    private abstract static class LazyReader implements RowReader {
        final String resource;
        String label = "";
        long count;

        LazyReader(String resource) {
            this.resource = resource;
        }

        @Override
        public ItemOrigin origin() {
            return new ItemOrigin("chess " + resource, "item", count, count, label);
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** Fetches per player, one player at a time. */
    private final class PlayerReader extends LazyReader {
        private final PerPlayer fetch;
        private int player;
        private Iterator<?> items = Collections.emptyIterator();

        PlayerReader(String resource, PerPlayer fetch) {
            super(resource);
            this.fetch = fetch;
        }

        @Override
        public Object next() throws SQLException {
            while (!items.hasNext()) {
                if (player >= players.size()) return null;
                String p = players.get(player++);
                label = "player " + p;
                items = fetch.items(p);
            }
            count++;
            return items.next();
        }
    }

    /** players_games: players → archive URLs (filtered, remembered in state) → games. */
    private final class GamesReader extends LazyReader {
        private final List<Object> checked;
        private int player;
        private Iterator<Object> archiveUrls = Collections.emptyIterator();
        private Iterator<?> games = Collections.emptyIterator();

        GamesReader(List<Object> checked) {
            super(GAMES);
            this.checked = checked;
        }

        @Override
        public Object next() throws SQLException {
            while (!games.hasNext()) {
                if (archiveUrls.hasNext()) {
                    String url = String.valueOf(archiveUrls.next());
                    String month = url.length() >= 7 ? url.substring(url.length() - 7) : url;
                    if (startMonth != null && !startMonth.isEmpty() && month.compareTo(startMonth) < 0) continue;
                    if (endMonth != null && !endMonth.isEmpty() && month.compareTo(endMonth) > 0) continue;
                    if (checked.contains(url)) continue;
                    checked.add(url);
                    label = url;
                    Object answer = api.getJson(url);
                    Object list = answer instanceof Map ? ((Map<?, ?>) answer).get("games") : null;
                    games = list instanceof List ? ((List<?>) list).iterator() : Collections.emptyIterator();
                    continue;
                }
                if (player >= players.size()) return null;
                String p = players.get(player++);
                label = "player " + p;
                archiveUrls = archives(p).iterator();
            }
            count++;
            return games.next();
        }
    }
}
