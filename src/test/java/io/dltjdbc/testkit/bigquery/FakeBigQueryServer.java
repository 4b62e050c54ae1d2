package io.dltjdbc.testkit.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A loopback BigQuery REST server for tests (REFERENCE.md "The BigQuery client against a loopback endpoint"):
 * datasets, tables, tabledata.list, query and load jobs (resumable upload), jobs.query and getQueryResults,
 * all answered DONE at once. Data lives in an in-memory DuckDB: a dataset is a schema, GoogleSQL is translated
 * by {@link GoogleSqlTranslator}. A load job validates every row as BigQuery would (unknown fields, types,
 * required fields, NUMERIC precision) and writes all rows or none. Tables keep their partitioning and clustering
 * with BigQuery's rules for tables.patch (PATCH, or POST with X-HTTP-Method-Override as the client sends it) and
 * tables.update (PUT), see {@link FakeTableOptions}.
 */
public final class FakeBigQueryServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULTS = "_fake_results";
    private static final Pattern API = Pattern.compile("/bigquery/v2/projects/([^/]+)(/.*)?");
    private static final DateTimeFormatter PARAM_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss").optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().optionalStart().appendOffset("+HH", "Z")
            .optionalEnd().optionalStart().appendLiteral(" UTC").optionalEnd().toFormatter();

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Connection db;
    private final Map<String, ObjectNode> jobs = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, String> resultTables = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, Upload> uploads = Collections.synchronizedMap(new HashMap<>());
    private final Set<String> failingTables = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long loadJobDelayMillis;
    private final Map<String, String> datasetLocations = Collections.synchronizedMap(new LinkedHashMap<>());
    private final FakeTableOptions tableOptions = new FakeTableOptions();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();

    private static final class Upload {
        final JsonNode job;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Upload(JsonNode job) {
            this.job = job;
        }
    }

    /** An error answered the way BigQuery does: HTTP code, reason, message. */
    private static final class ApiError extends Exception {
        final int code;
        final String reason;

        ApiError(int code, String reason, String message) {
            super(message);
            this.code = code;
            this.reason = reason;
        }
    }

    public FakeBigQueryServer() throws IOException, SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + RESULTS);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Every request so far, as "METHOD path?query". */
    public List<String> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** The last query job's configuration as the client sent it. */
    public JsonNode lastQueryJob() {
        synchronized (jobs) {
            JsonNode last = null;
            for (ObjectNode job : jobs.values()) {
                if (job.path("configuration").has("query")
                        && (last == null || job.path("statistics").path("creationTime").asLong() >= last.path("statistics").path("creationTime").asLong())) {
                    last = job;
                }
            }
            return last;
        }
    }

    /** Direct SQL on the backing DuckDB (test setup and checks); datasets are schemas. */
    public synchronized List<List<String>> sql(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getString(i));
                        }
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        // the client's JDK transport has no PATCH: it sends POST with X-HTTP-Method-Override, as Google's servers accept
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        String method = "POST".equals(exchange.getRequestMethod()) && override != null
                ? override.toUpperCase(Locale.ROOT) : exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        requests.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
        Map<String, String> query = queryParameters(rawQuery);
        try {
            byte[] body = readBody(exchange);
            if (path.startsWith("/upload/bigquery/v2/projects/")) {
                upload(exchange, method, query, body);
                return;
            }
            Matcher api = API.matcher(path);
            if (!api.matches()) {
                throw new ApiError(404, "notFound", "Not found: " + path);
            }
            String project = api.group(1);
            String[] rest = api.group(2) == null ? new String[0] : api.group(2).substring(1).split("/");
            for (int i = 0; i < rest.length; i++) {
                rest[i] = URLDecoder.decode(rest[i], StandardCharsets.UTF_8);
            }
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            JsonNode answer = route(project, method, rest, query, request);
            if (answer == null) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                send(exchange, 200, answer);
            }
        } catch (ApiError e) {
            send(exchange, e.code, error(e.code, e.reason, e.getMessage()));
        } catch (Exception e) {
            send(exchange, 500, error(500, "internalError", String.valueOf(e)));
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private static Map<String, String> queryParameters(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int code, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(int code, String reason, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode detail = error.putArray("errors").addObject();
        detail.put("message", message);
        detail.put("domain", "global");
        detail.put("reason", reason);
        error.put("status", code == 404 ? "NOT_FOUND" : code == 409 ? "ALREADY_EXISTS" : "INVALID_ARGUMENT");
        return root;
    }

    private synchronized JsonNode route(String project, String method, String[] p, Map<String, String> query, JsonNode body)
            throws Exception {
        if (p.length == 0) {
            throw new ApiError(404, "notFound", "Not found");
        }
        switch (p[0]) {
            case "datasets":
                if (p.length == 1) {
                    return method.equals("POST") ? insertDataset(project, body) : listDatasets(project);
                }
                if (p.length == 2) {
                    return switch (method) {
                        case "GET" -> getDataset(project, p[1]);
                        case "DELETE" -> deleteDataset(project, p[1], "true".equals(query.get("deleteContents")));
                        default -> getDataset(project, p[1]);
                    };
                }
                if (p.length == 3 && p[2].equals("tables")) {
                    return method.equals("POST") ? insertTable(project, p[1], body) : listTables(project, p[1]);
                }
                if (p.length == 4 && p[2].equals("tables")) {
                    return switch (method) {
                        case "GET" -> getTable(project, p[1], p[3]);
                        case "DELETE" -> deleteTable(project, p[1], p[3]);
                        case "PATCH" -> updateTable(project, p[1], p[3], body, false);
                        case "PUT" -> updateTable(project, p[1], p[3], body, true);
                        default -> throw new ApiError(405, "notAllowed", "Method " + method + " not allowed on a table");
                    };
                }
                if (p.length == 5 && p[4].equals("data")) {
                    requireTable(project, p[1], p[3]);
                    return page(quoted(p[1], p[3]), query, JSON.createObjectNode().put("kind", "bigquery#tableDataList"), false);
                }
                break;
            case "jobs":
                if (p.length == 1 && method.equals("POST")) {
                    return insertJob(project, body, null);
                }
                if (p.length == 2) {
                    return job(p[1]);
                }
                if (p.length == 3 && p[2].equals("cancel")) {
                    ObjectNode job = job(p[1]);
                    return JSON.createObjectNode().put("kind", "bigquery#jobCancelResponse").set("job", job);
                }
                break;
            case "queries":
                if (p.length == 1 && method.equals("POST")) {
                    ObjectNode request = JSON.createObjectNode();
                    request.putObject("jobReference").put("projectId", project).put("jobId", "fake_query_" + ids.incrementAndGet())
                            .put("location", body.path("location").asText("US"));
                    ObjectNode configuration = request.putObject("configuration").putObject("query");
                    body.fields().forEachRemaining(e -> configuration.set(e.getKey(), e.getValue()));
                    ObjectNode job = insertJob(project, request, null);
                    Map<String, String> paging = new HashMap<>(query);
                    if (body.has("maxResults")) {
                        paging.put("maxResults", body.get("maxResults").asText());
                    }
                    if (body.path("formatOptions").path("useInt64Timestamp").asBoolean()) {
                        paging.put("formatOptions.useInt64Timestamp", "true");
                    }
                    return queryResults(job, paging, "bigquery#queryResponse");
                }
                if (p.length == 2) {
                    return queryResults(job(p[1]), query, "bigquery#getQueryResultsResponse");
                }
                break;
            default:
                break;
        }
        throw new ApiError(404, "notFound", "Not found: " + method + " " + String.join("/", p));
    }

    // ---- datasets

    private boolean datasetExists(String dataset) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private ObjectNode datasetResource(String project, String dataset) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "bigquery#dataset");
        node.put("id", project + ":" + dataset);
        node.putObject("datasetReference").put("projectId", project).put("datasetId", dataset);
        node.put("location", datasetLocations.getOrDefault(dataset, "US"));
        return node;
    }

    private JsonNode insertDataset(String project, JsonNode body) throws Exception {
        String dataset = body.path("datasetReference").path("datasetId").asText();
        if (datasetExists(dataset)) {
            throw new ApiError(409, "duplicate", "Already Exists: Dataset " + project + ":" + dataset);
        }
        execute("CREATE SCHEMA " + quoted(dataset));
        datasetLocations.put(dataset, body.path("location").asText("US"));
        return datasetResource(project, dataset);
    }

    private JsonNode getDataset(String project, String dataset) throws Exception {
        if (!datasetExists(dataset)) {
            throw new ApiError(404, "notFound", "Not found: Dataset " + project + ":" + dataset);
        }
        return datasetResource(project, dataset);
    }

    private JsonNode listDatasets(String project) throws SQLException {
        ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#datasetList");
        ArrayNode list = out.putArray("datasets");
        for (String dataset : strings("SELECT schema_name FROM information_schema.schemata WHERE catalog_name = current_database() "
                + "AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog', '" + RESULTS + "') ORDER BY 1")) {
            list.add(datasetResource(project, dataset));
        }
        return out;
    }

    private JsonNode deleteDataset(String project, String dataset, boolean contents) throws Exception {
        getDataset(project, dataset);
        execute("DROP SCHEMA " + quoted(dataset) + (contents ? " CASCADE" : ""));
        datasetLocations.remove(dataset);
        tableOptions.dropDataset(dataset);
        return null;
    }

    // ---- tables

    private boolean tableExists(String dataset, String table) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            s.setString(1, dataset);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void requireTable(String project, String dataset, String table) throws Exception {
        if (!tableExists(dataset, table)) {
            throw new ApiError(404, "notFound", "Not found: Table " + project + ":" + dataset + "." + table);
        }
    }

    private JsonNode insertTable(String project, String dataset, JsonNode body) throws Exception {
        getDataset(project, dataset);
        String table = body.path("tableReference").path("tableId").asText();
        if (tableExists(dataset, table)) {
            throw new ApiError(409, "duplicate", "Already Exists: Table " + project + ":" + dataset + "." + table);
        }
        ObjectNode options;
        try {
            options = tableOptions.forInsert(project + ":" + dataset + "." + table, body, body.path("schema").path("fields"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid", e.getMessage());
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode field : body.path("schema").path("fields")) {
            columns.add(quoted(field.path("name").asText()) + " " + duckType(field)
                    + ("REQUIRED".equals(field.path("mode").asText()) ? " NOT NULL" : ""));
        }
        execute("CREATE TABLE " + quoted(dataset, table) + " (" + String.join(", ", columns) + ")");
        tableOptions.put(dataset, table, options);
        return tableResource(project, dataset, table);
    }

    /**
     * tables.patch ({@code replace} false: what the body omits stays) or tables.update ({@code replace} true: the
     * body is the whole resource). Fields can be added (NULLABLE) but not dropped; partitioning and clustering
     * follow {@link FakeTableOptions}. Checked before anything changes, so a rejected update changes nothing.
     */
    private JsonNode updateTable(String project, String dataset, String table, JsonNode body, boolean replace) throws Exception {
        requireTable(project, dataset, table);
        String location = project + ":" + dataset + "." + table;
        ArrayNode current = schema(dataset, table);
        List<JsonNode> after = new ArrayList<>();
        current.forEach(after::add);
        List<JsonNode> added = new ArrayList<>();
        if (body.has("schema")) {
            List<String> given = new ArrayList<>();
            for (JsonNode field : body.path("schema").path("fields")) {
                given.add(field.path("name").asText().toLowerCase(Locale.ROOT));
            }
            for (JsonNode field : current) {
                if (!given.contains(field.path("name").asText().toLowerCase(Locale.ROOT))) {
                    throw new ApiError(400, "invalid", "Provided Schema does not match Table " + location + ". Field "
                            + field.path("name").asText() + " is missing in new schema");
                }
            }
            for (JsonNode field : body.path("schema").path("fields")) {
                if (indexOfName(current, field.path("name").asText()) < 0) {
                    if ("REQUIRED".equals(field.path("mode").asText())) {
                        throw new ApiError(400, "invalid", "Provided Schema does not match Table " + location
                                + ". Cannot add required field " + field.path("name").asText());
                    }
                    added.add(field);
                    after.add(field);
                }
            }
        }
        ObjectNode options;
        try {
            options = tableOptions.forUpdate(dataset, table, body, after, replace);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid", e.getMessage());
        }
        for (JsonNode field : added) {
            execute("ALTER TABLE " + quoted(dataset, table) + " ADD COLUMN " + quoted(field.path("name").asText()) + " "
                    + duckType(field));
        }
        tableOptions.put(dataset, table, options);
        return tableResource(project, dataset, table);
    }

    private static int indexOfName(ArrayNode fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).path("name").asText().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private JsonNode getTable(String project, String dataset, String table) throws Exception {
        requireTable(project, dataset, table);
        return tableResource(project, dataset, table);
    }

    private JsonNode deleteTable(String project, String dataset, String table) throws Exception {
        requireTable(project, dataset, table);
        execute("DROP TABLE " + quoted(dataset, table));
        tableOptions.drop(dataset, table);
        return null;
    }

    private JsonNode listTables(String project, String dataset) throws Exception {
        getDataset(project, dataset);
        ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#tableList");
        ArrayNode list = out.putArray("tables");
        try (PreparedStatement s = db.prepareStatement(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode table = list.addObject();
                    table.put("kind", "bigquery#table");
                    table.put("id", project + ":" + dataset + "." + rs.getString(1));
                    table.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", rs.getString(1));
                    table.put("type", "VIEW".equals(rs.getString(2)) ? "VIEW" : "TABLE");
                }
            }
        }
        out.put("totalItems", list.size());
        return out;
    }

    private ObjectNode tableResource(String project, String dataset, String table) throws SQLException {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "bigquery#table");
        node.put("id", project + ":" + dataset + "." + table);
        node.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", table);
        node.put("type", "TABLE");
        node.putObject("schema").set("fields", schema(dataset, table));
        tableOptions.addTo(node, dataset, table);
        node.put("numRows", strings("SELECT count(*) FROM " + quoted(dataset, table)).get(0));
        node.put("location", datasetLocations.getOrDefault(dataset, "US"));
        return node;
    }

    private ArrayNode schema(String dataset, String table) throws SQLException {
        ArrayNode fields = JSON.createArrayNode();
        try (PreparedStatement s = db.prepareStatement("SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale "
                + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, dataset);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode field = fields.addObject();
                    field.put("name", rs.getString(1));
                    bigQueryType(field, rs.getString(2), rs.getInt(4), rs.getInt(5));
                    field.put("mode", "NO".equals(rs.getString(3)) ? "REQUIRED" : "NULLABLE");
                }
            }
        }
        return fields;
    }

    /** A DuckDB column type as a BigQuery field type (legacy names, as the REST API answers). */
    private static void bigQueryType(ObjectNode field, String duckType, int precision, int scale) {
        String t = duckType.toUpperCase(Locale.ROOT);
        String type;
        if (t.startsWith("DECIMAL")) {
            type = "NUMERIC";
            if (precision != 38 || scale != 9) {
                field.put("precision", String.valueOf(precision)).put("scale", String.valueOf(scale));
            }
        } else {
            type = switch (t) {
                case "VARCHAR" -> "STRING";
                case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER" -> "INTEGER";
                case "DOUBLE", "FLOAT", "REAL" -> "FLOAT";
                case "BOOLEAN" -> "BOOLEAN";
                case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP";
                case "TIMESTAMP" -> "DATETIME";
                case "DATE" -> "DATE";
                case "TIME" -> "TIME";
                case "BLOB" -> "BYTES";
                case "JSON" -> "JSON";
                default -> "STRING";
            };
        }
        field.put("type", type);
    }

    private static String duckType(JsonNode field) {
        String type = field.path("type").asText().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "STRING" -> "VARCHAR";
            case "INTEGER", "INT64" -> "BIGINT";
            case "FLOAT", "FLOAT64" -> "DOUBLE";
            case "BOOLEAN", "BOOL" -> "BOOLEAN";
            case "TIMESTAMP" -> "TIMESTAMPTZ";
            case "DATETIME" -> "TIMESTAMP";
            case "DATE" -> "DATE";
            case "TIME" -> "TIME";
            case "NUMERIC", "BIGNUMERIC" -> field.has("precision")
                    ? "DECIMAL(" + Math.min(38, field.get("precision").asInt()) + ", " + field.path("scale").asInt(0) + ")"
                    : "DECIMAL(38, 9)";
            case "BYTES" -> "BLOB";
            case "JSON" -> "JSON";
            default -> throw new IllegalArgumentException("the fake BigQuery has no type " + type);
        };
    }

    // ---- jobs

    private ObjectNode job(String jobId) throws ApiError {
        ObjectNode job = jobs.get(jobId);
        if (job == null) {
            throw new ApiError(404, "notFound", "Not found: Job " + jobId);
        }
        return job;
    }

    private ObjectNode newJob(String project, JsonNode request, String statementKind) {
        ObjectNode job = JSON.createObjectNode();
        job.put("kind", "bigquery#job");
        String jobId = request.path("jobReference").path("jobId").asText("fake_job_" + ids.incrementAndGet());
        String location = request.path("jobReference").path("location").asText("US");
        job.put("id", project + ":" + location + "." + jobId);
        job.putObject("jobReference").put("projectId", project).put("jobId", jobId).put("location", location);
        job.set("configuration", request.path("configuration").deepCopy());
        job.putObject("status").put("state", "DONE");
        long now = System.currentTimeMillis();
        ObjectNode statistics = job.putObject("statistics");
        statistics.put("creationTime", String.valueOf(now + ids.incrementAndGet())).put("startTime", String.valueOf(now))
                .put("endTime", String.valueOf(now));
        jobs.put(jobId, job);
        return job;
    }

    private static void fail(ObjectNode job, String reason, String message) {
        ObjectNode status = (ObjectNode) job.get("status");
        status.putObject("errorResult").put("reason", reason).put("message", message);
        status.putArray("errors").addObject().put("reason", reason).put("message", message);
    }

    private ObjectNode insertJob(String project, JsonNode request, byte[] data) throws Exception {
        ObjectNode job = newJob(project, request, null);
        JsonNode configuration = request.path("configuration");
        if (configuration.has("query")) {
            runQueryJob(project, job, configuration.get("query"));
        } else if (configuration.has("load")) {
            runLoadJob(project, job, configuration.get("load"), data == null ? new byte[0] : data);
        } else {
            fail(job, "invalid", "the fake BigQuery runs query and load jobs only");
        }
        return job;
    }

    private void runQueryJob(String project, ObjectNode job, JsonNode config) throws SQLException {
        String jobId = job.path("jobReference").path("jobId").asText();
        ObjectNode queryStatistics = ((ObjectNode) job.get("statistics")).putObject("query");
        String defaultDataset = config.path("defaultDataset").path("datasetId").asText(null);
        List<JsonNode> parameters = new ArrayList<>();
        config.path("queryParameters").forEach(parameters::add);
        List<String> statements = GoogleSqlTranslator.split(config.path("query").asText());
        try {
            if (defaultDataset != null && !datasetExists(defaultDataset)) {
                throw new ApiError(404, "notFound", "Not found: Dataset " + project + ":" + defaultDataset);
            }
            execute("SET schema = " + literal(defaultDataset != null ? defaultDataset : "main"));
            if (statements.size() == 1) {
                String sql = GoogleSqlTranslator.translate(statements.get(0));
                String keyword = GoogleSqlTranslator.firstKeyword(sql);
                switch (keyword) {
                    case "SELECT", "WITH", "VALUES", "FROM" -> {
                        String table = "r_" + ids.incrementAndGet();
                        bound("CREATE TABLE " + RESULTS + "." + table + " AS " + sql, parameters).execute();
                        resultTables.put(jobId, RESULTS + "." + table);
                        queryStatistics.put("statementType", "SELECT");
                        ((ObjectNode) job.get("configuration").get("query")).putObject("destinationTable").put("projectId", project)
                                .put("datasetId", RESULTS).put("tableId", table);
                    }
                    case "INSERT", "UPDATE", "DELETE", "MERGE" -> {
                        long count = bound(sql, parameters).executeLargeUpdate();
                        queryStatistics.put("statementType", keyword).put("numDmlAffectedRows", String.valueOf(count));
                    }
                    default -> {
                        bound(sql, parameters).execute();
                        queryStatistics.put("statementType", keyword.equals("CREATE") ? "CREATE_TABLE" : keyword.equals("DROP")
                                ? "DROP_TABLE" : keyword.equals("ALTER") ? "ALTER_TABLE" : keyword);
                    }
                }
            } else {
                queryStatistics.put("statementType", "SCRIPT");
                runScript(statements);
            }
        } catch (ApiError e) {
            fail(job, e.reason, e.getMessage());
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "query failed" : e.getMessage();
            fail(job, message.contains("does not exist") ? "notFound" : "invalidQuery", message);
        } finally {
            execute("SET schema = 'main'");
        }
    }

    private void runScript(List<String> statements) throws SQLException {
        boolean inTransaction = false;
        try (Statement s = db.createStatement()) {
            for (String statement : statements) {
                String sql = GoogleSqlTranslator.translate(statement);
                String upper = sql.strip().toUpperCase(Locale.ROOT);
                if (upper.startsWith("BEGIN")) {
                    s.execute("BEGIN TRANSACTION");
                    inTransaction = true;
                } else if (upper.startsWith("COMMIT")) {
                    s.execute("COMMIT");
                    inTransaction = false;
                } else {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            if (inTransaction) {
                try (Statement s = db.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
            throw e;
        }
    }

    private PreparedStatement bound(String sql, List<JsonNode> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String type = parameter.path("parameterType").path("type").asText("STRING");
            JsonNode value = parameter.path("parameterValue").path("value");
            if (value.isMissingNode() || value.isNull()) {
                statement.setObject(i + 1, null);
                continue;
            }
            String text = value.asText();
            switch (type) {
                case "INT64" -> statement.setLong(i + 1, Long.parseLong(text));
                case "FLOAT64" -> statement.setDouble(i + 1, Double.parseDouble(text));
                case "BOOL" -> statement.setBoolean(i + 1, Boolean.parseBoolean(text));
                case "NUMERIC", "BIGNUMERIC" -> statement.setBigDecimal(i + 1, new BigDecimal(text));
                case "TIMESTAMP" -> statement.setObject(i + 1, timestamp(text));
                case "DATE" -> statement.setObject(i + 1, LocalDate.parse(text));
                case "TIME" -> statement.setObject(i + 1, LocalTime.parse(text));
                case "DATETIME" -> statement.setObject(i + 1, LocalDateTime.parse(text.replace(' ', 'T')));
                case "BYTES" -> statement.setBytes(i + 1, Base64.getDecoder().decode(text));
                default -> statement.setString(i + 1, text);
            }
        }
        return statement;
    }

    private static OffsetDateTime timestamp(String text) {
        java.time.temporal.TemporalAccessor parsed = PARAM_TIMESTAMP.parse(text.trim());
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private JsonNode queryResults(ObjectNode job, Map<String, String> query, String kind) throws Exception {
        JsonNode error = job.path("status").path("errorResult");
        if (!error.isMissingNode()) {
            throw new ApiError(error.path("reason").asText().equals("notFound") ? 404 : 400, error.path("reason").asText(),
                    error.path("message").asText());
        }
        ObjectNode out = JSON.createObjectNode().put("kind", kind);
        out.set("jobReference", job.get("jobReference"));
        out.put("jobComplete", true);
        JsonNode affected = job.path("statistics").path("query").path("numDmlAffectedRows");
        if (!affected.isMissingNode()) {
            out.put("numDmlAffectedRows", affected.asText());
        }
        String table = resultTables.get(job.path("jobReference").path("jobId").asText());
        if (table == null) {
            out.put("totalRows", "0");
            return out;
        }
        return page(table, query, out, true);
    }

    /** One page of a table's rows: {@code maxResults}, {@code pageToken} (the offset) or {@code startIndex}. */
    private ObjectNode page(String table, Map<String, String> query, ObjectNode out, boolean withSchema) throws SQLException {
        long total = Long.parseLong(strings("SELECT count(*) FROM " + table).get(0));
        long offset = Long.parseLong(query.getOrDefault("startIndex", "0"));
        long max = Long.parseLong(query.getOrDefault("maxResults", "100000"));
        if (query.containsKey("pageToken")) { // "offset:pageSize", so that later pages keep the first page's size
            String[] token = query.get("pageToken").split(":");
            offset = Long.parseLong(token[0]);
            max = query.containsKey("maxResults") ? max : Long.parseLong(token[1]);
        }
        boolean int64Timestamps = "true".equals(query.get("formatOptions.useInt64Timestamp"));
        String[] parts = table.replace("\"", "").split("\\.");
        ArrayNode fields = schema(parts[0], parts[1]);
        if (withSchema) {
            out.putObject("schema").set("fields", fields);
        }
        out.put("totalRows", String.valueOf(total));
        ArrayNode rows = out.putArray("rows");
        if (max > 0) {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT " + max + " OFFSET " + offset)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    ArrayNode cells = rows.addObject().putArray("f");
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells.addObject().put("v", cell(rs, i, fields.get(i - 1).path("type").asText(), int64Timestamps));
                    }
                }
            }
        }
        if (offset + rows.size() < total && max > 0) {
            out.put("pageToken", (offset + rows.size()) + ":" + max);
        }
        return out;
    }

    private static String cell(ResultSet rs, int i, String type, boolean int64Timestamps) throws SQLException {
        Object value = rs.getObject(i);
        if (value == null) {
            return null;
        }
        switch (type) {
            case "TIMESTAMP": {
                Instant instant = rs.getObject(i, OffsetDateTime.class).toInstant();
                long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
                return int64Timestamps ? String.valueOf(micros) : new BigDecimal(micros).movePointLeft(6).toPlainString();
            }
            case "DATETIME":
                return rs.getObject(i, LocalDateTime.class).toString();
            case "BYTES":
                return Base64.getEncoder().encodeToString(rs.getBytes(i));
            case "NUMERIC":
                return rs.getBigDecimal(i).toPlainString();
            case "BOOLEAN":
                return String.valueOf(rs.getBoolean(i));
            case "FLOAT":
                return String.valueOf(rs.getDouble(i));
            default:
                return rs.getString(i);
        }
    }

    // ---- load jobs

    private void upload(HttpExchange exchange, String method, Map<String, String> query, byte[] body) throws Exception {
        String uploadId = query.get("upload_id");
        if (method.equals("POST") && uploadId == null) {
            String id = "upload_" + ids.incrementAndGet();
            uploads.put(id, new Upload(JSON.readTree(body)));
            exchange.getResponseHeaders().set("Location", endpoint() + exchange.getRequestURI().getRawPath()
                    + "?uploadType=resumable&upload_id=" + id);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        Upload upload = uploads.get(uploadId);
        if (upload == null) {
            throw new ApiError(404, "notFound", "no such upload " + uploadId);
        }
        upload.data.write(body);
        String range = exchange.getRequestHeaders().getFirst("Content-Range");
        boolean last = range == null || !range.endsWith("/*");
        if (!last) {
            if (upload.data.size() > 0) {
                exchange.getResponseHeaders().set("Range", "bytes=0-" + (upload.data.size() - 1));
            }
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
            return;
        }
        uploads.remove(uploadId);
        if (loadJobDelayMillis > 0) {
            Thread.sleep(loadJobDelayMillis);
        }
        String project = upload.job.path("jobReference").path("projectId").asText("project");
        ObjectNode job;
        synchronized (this) {
            job = insertJob(project, upload.job, upload.data.toByteArray());
        }
        send(exchange, 200, job);
    }

    /** Makes every later load job into a table of this name fail, as a job BigQuery rejects would. */
    public void failLoadJobsInto(String table) {
        failingTables.add(table);
    }

    /** Makes every later load job take this long before it answers, so that a test can cancel a load mid-way. */
    public void delayLoadJobs(long millis) {
        loadJobDelayMillis = millis;
    }

    private void runLoadJob(String project, ObjectNode job, JsonNode load, byte[] data) throws SQLException {
        String dataset = load.path("destinationTable").path("datasetId").asText();
        String table = load.path("destinationTable").path("tableId").asText();
        String location = project + ":" + dataset + "." + table;
        if (failingTables.contains(table)) {
            fail(job, "invalid", "injected failure: load jobs into " + table + " fail in this test");
            return;
        }
        if (!tableExists(dataset, table)) {
            fail(job, "notFound", "Not found: Table " + location);
            return;
        }
        String conflict = tableOptions.loadJobConflict(dataset, table, load);
        if (conflict != null) {
            fail(job, "invalid", conflict);
            return;
        }
        if (!"NEWLINE_DELIMITED_JSON".equals(load.path("sourceFormat").asText())) {
            fail(job, "invalid", "the fake BigQuery loads NEWLINE_DELIMITED_JSON only");
            return;
        }
        ArrayNode fields = schema(dataset, table);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode field : fields) {
            byName.put(field.path("name").asText().toLowerCase(Locale.ROOT), field);
        }
        List<Object[]> rows = new ArrayList<>();
        String text = new String(data, StandardCharsets.UTF_8);
        long position = 0;
        for (String line : text.split("\n", -1)) {
            long start = position;
            position += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode row = JSON.readTree(line);
                Object[] values = new Object[fields.size()];
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    JsonNode field = byName.get(entry.getKey().toLowerCase(Locale.ROOT));
                    if (field == null) {
                        if (load.path("ignoreUnknownValues").asBoolean()) {
                            continue;
                        }
                        throw new IllegalArgumentException("No such field: " + entry.getKey() + ".");
                    }
                    int index = indexOf(fields, field);
                    values[index] = convert(field, entry.getValue());
                }
                for (int i = 0; i < fields.size(); i++) {
                    if (values[i] == null && "REQUIRED".equals(fields.get(i).path("mode").asText())) {
                        throw new IllegalArgumentException("Missing required field: " + fields.get(i).path("name").asText() + ".");
                    }
                }
                rows.add(values);
            } catch (IllegalArgumentException | IOException | java.time.DateTimeException e) {
                fail(job, "invalid", "Error while reading data, error message: JSON table encountered too many errors, giving up. "
                        + "Rows: " + (rows.size() + 1) + "; errors: 1. Please look into the errors[] collection for more details. "
                        + "JSON parsing error in row starting at position " + start + ": " + e.getMessage());
                return;
            }
        }
        boolean truncate = "WRITE_TRUNCATE".equals(load.path("writeDisposition").asText());
        db.setAutoCommit(false);
        try {
            if (truncate) {
                execute("DELETE FROM " + quoted(dataset, table));
            }
            if (!rows.isEmpty()) {
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(quoted(dataset, table)).append(" VALUES (");
                for (int i = 0; i < fields.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement insert = db.prepareStatement(sql.append(')').toString())) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            db.commit();
            ((ObjectNode) job.get("statistics")).putObject("load").put("outputRows", String.valueOf(rows.size()));
        } catch (SQLException e) {
            db.rollback();
            fail(job, "invalid", "Error while reading data, error message: " + e.getMessage());
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static int indexOf(ArrayNode fields, JsonNode field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == field) {
                return i;
            }
        }
        return -1;
    }

    /** A JSON value as BigQuery's loader reads it into a field of that type; IllegalArgumentException as BigQuery words it. */
    private static Object convert(JsonNode field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String name = field.path("name").asText();
        String type = field.path("type").asText();
        String text = value.isValueNode() ? value.asText() : value.toString();
        try {
            switch (type) {
                case "STRING":
                    if (!value.isValueNode()) {
                        throw new IllegalArgumentException("Array specified for non-repeated field: " + name + ".");
                    }
                    return text;
                case "INTEGER":
                    return new BigDecimal(text).longValueExact();
                case "FLOAT":
                    return Double.parseDouble(text);
                case "BOOLEAN":
                    if (value.isBoolean() || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text);
                    }
                    throw new NumberFormatException(text);
                case "NUMERIC": {
                    BigDecimal number = new BigDecimal(text);
                    int precision = field.path("precision").asInt(38);
                    int scale = field.path("scale").asInt(field.has("precision") ? 0 : 9);
                    BigDecimal scaled = number.setScale(scale, RoundingMode.HALF_UP);
                    if (scaled.precision() - scaled.scale() > precision - scale) {
                        throw new IllegalArgumentException("Invalid NUMERIC(" + precision + ", " + scale + ") value: " + text
                                + " Field: " + name + "; Value: " + text);
                    }
                    return scaled;
                }
                case "TIMESTAMP":
                    if (value.isNumber()) {
                        return Instant.EPOCH.plus(value.decimalValue().movePointRight(6).longValue(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
                    }
                    return timestamp(text);
                case "DATETIME":
                    return LocalDateTime.parse(text.replace(' ', 'T'));
                case "DATE":
                    return LocalDate.parse(text);
                case "TIME":
                    return LocalTime.parse(text);
                case "BYTES":
                    return Base64.getDecoder().decode(text);
                case "JSON":
                    return value.isTextual() ? JSON.writeValueAsString(text) : value.toString();
                default:
                    return text;
            }
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException | IOException e) {
            throw new IllegalArgumentException("Could not convert value '" + text + "' to " + type + ". Field: " + name + "; Value: " + text);
        }
    }

    // ---- DuckDB helpers

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoted(String dataset, String table) {
        return quoted(dataset) + "." + quoted(table);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
