package io.dltjdbc.pipeline;

import io.dltjdbc.config.ConfigValue;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.SourceFormat;
import io.dltjdbc.pipeline.source.SourceReaders;
import io.dltjdbc.pipeline.source.chess.ChessApi;
import io.dltjdbc.pipeline.source.chess.ChessSource;
import io.dltjdbc.pipeline.source.chess.Resource;
import io.dltjdbc.pipeline.source.chess.SampleChessApi;
import io.dltjdbc.sql.DltCommand.LoadPipeline;
import io.dltjdbc.sql.SourceSpec;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the FROM clause into {@link Extract}s: files, URLs and globs, inline JSON, JDBC queries and
 * built-in sources. Each extract opens its reader only when the runner reaches it.
 */
final class Sources {
    static final String CHESS_API_URL = "sources.chess.api_url";
    static final String CHESS_CALLBACK_URL = "sources.chess.callback_url";
    static final String DEFAULT_CHESS_API = "https://api.chess.com/pub";
    static final String DEFAULT_CHESS_CALLBACK = "https://www.chess.com/callback";

    private final DltConnection connection;
    private HttpClient http;

    Sources(DltConnection connection) {
        this.connection = connection;
    }

    List<Extract> extracts(LoadPipeline command, LoadOptions options, PipelineState state) throws SQLException {
        List<Extract> extracts = new ArrayList<>();
        String schemaSource = command.pipelineName();
        String explicitTable = command.intoTable() != null ? command.intoTable() : options.tableName();
        Path baseDir = connection.settings().projectDir();
        for (SourceSpec source : command.sources()) {
            if (source instanceof SourceSpec.FileSource file) {
                String format = file.format() != null ? file.format() : options.format();
                String table = explicitTable != null ? explicitTable : tableFromLocation(file.location(), format != null);
                extracts.add(new Extract(table, () -> SourceReaders.open(file.location(), format, baseDir, http()), null, null,
                        schemaSource));
            } else if (source instanceof SourceSpec.InlineJson json) {
                String table = explicitTable != null ? explicitTable : command.pipelineName();
                extracts.add(new Extract(table, () -> SourceReaders.inlineJson(json.json()), null, null, schemaSource));
            } else if (source instanceof SourceSpec.QuerySource query) {
                String table = explicitTable != null ? explicitTable : command.pipelineName();
                extracts.add(new Extract(table,
                        () -> QueryRowReader.open(query.sql(), query.onUrl(), connection.destination().sqlConnection()), null, null,
                        schemaSource));
            } else if (source instanceof SourceSpec.BuiltinSource builtin) {
                extracts.addAll(builtin(builtin, state));
            }
        }
        return extracts;
    }

    private List<Extract> builtin(SourceSpec.BuiltinSource source, PipelineState state) throws SQLException {
        if (!source.name().equalsIgnoreCase("chess")) {
            throw DltSqlState.UNDEFINED_OBJECT.exception("unknown source '" + source.name() + "'; built-in sources: chess");
        }
        Map<String, Object> args = source.args();
        for (String key : args.keySet()) {
            if (!Set.of("players", "start_month", "end_month", "resources").contains(key)) {
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception("unknown argument '" + key
                        + "' of source chess; valid: players, start_month, end_month, resources");
            }
        }
        String apiUrl = setting(CHESS_API_URL, DEFAULT_CHESS_API);
        String callbackUrl = setting(CHESS_CALLBACK_URL, DEFAULT_CHESS_CALLBACK);
        ChessApi api = ChessApi.forSettings(apiUrl, callbackUrl, http());
        List<String> players = list(args.get("players"));
        if (players.isEmpty()) {
            // the example names players of the offline sample, which chess.com has too: it works either way
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("source chess needs players, e.g. SOURCE chess(players = ("
                    + SampleChessApi.DEFAULT_PLAYERS.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")) + "))");
        }
        Set<String> selected = args.containsKey("resources") ? new LinkedHashSet<>(list(args.get("resources"))) : null;
        if (selected != null) {
            for (String resource : selected) {
                if (!ChessSource.RESOURCES.contains(resource)) {
                    throw DltSqlState.INVALID_PARAMETER_VALUE.exception("unknown chess resource '" + resource + "'; valid: "
                            + String.join(", ", ChessSource.RESOURCES));
                }
            }
        }
        ChessSource chess;
        try {
            chess = new ChessSource(api, players, text(args.get("start_month")), text(args.get("end_month")));
        } catch (IllegalArgumentException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("source chess: " + e.getMessage(), e);
        }
        List<Extract> extracts = new ArrayList<>();
        for (Resource resource : chess.resources(selected, state.section("sources", "chess"))) {
            extracts.add(new Extract(resource.name(), resource.rows(), resource.writeDisposition(), resource.columnsHint(), "chess"));
        }
        return extracts;
    }

    private String setting(String key, String defaultValue) throws SQLException {
        return connection.settings().config().find(key).map(ConfigValue::value).orElse(defaultValue);
    }

    private HttpClient http() {
        if (http == null) {
            http = SourceReaders.defaultHttpClient(io.dltjdbc.pipeline.source.ReadOptions.DEFAULT);
        }
        return http;
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                out.add(String.valueOf(item).trim());
            }
        } else if (value != null) {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * {@code data/orders_2024.jsonl.gz} -> {@code orders_2024}; a glob's or URL's last plain part likewise. With
     * {@code FORMAT} given, any extension is the file's type and goes too ({@code x.txt FORMAT jsonl} -> {@code x},
     * as {@code x.jsonl} -> {@code x}); without it only a known one does (an unknown one on a file is an error).
     */
    static String tableFromLocation(String location, boolean formatGiven) {
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = SourceFormat.withoutCompression(path.substring(path.lastIndexOf('/') + 1));
        int dot = name.lastIndexOf('.');
        if (dot > 0 && (formatGiven || SourceFormat.fromFileName(name) != null)) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[*?\\[\\]{}]", "");
        return name.isBlank() ? "data" : name;
    }
}
