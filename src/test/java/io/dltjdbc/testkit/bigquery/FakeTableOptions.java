package io.dltjdbc.testkit.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the fake keeps of a table resource besides its schema: {@code timePartitioning}, {@code rangePartitioning}
 * and {@code clustering}, with BigQuery's rules. Partitioning is fixed when the table is created: an update that
 * adds, changes or (with tables.update, a full replace) drops it fails. Clustering can change: tables.patch
 * replaces it when given and keeps it when omitted, tables.update replaces it (omitted = no clustering).
 * Load and DML jobs leave all of it alone. Errors are {@link IllegalArgumentException}s worded like BigQuery's
 * 400 "invalid" answers.
 */
final class FakeTableOptions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIME_TYPES = Set.of("DATE", "TIMESTAMP", "DATETIME");
    private static final Set<String> INTEGER_TYPES = Set.of("INTEGER", "INT64");
    private static final Set<String> UNCLUSTERABLE = Set.of("FLOAT", "FLOAT64", "JSON", "RECORD", "STRUCT");
    private static final int MAX_CLUSTERING_FIELDS = 4;
    private static final long MAX_PARTITIONS = 10_000;

    private final Map<String, ObjectNode> byTable = Collections.synchronizedMap(new HashMap<>());

    private static String key(String dataset, String table) {
        return dataset + "." + table;
    }

    /** The options of a table being created (tables.insert), checked against its fields; not kept yet. */
    ObjectNode forInsert(String location, JsonNode resource, Iterable<JsonNode> fields) {
        ObjectNode options = JSON.createObjectNode();
        for (String name : List.of("timePartitioning", "rangePartitioning", "clustering")) {
            if (resource.hasNonNull(name)) {
                options.set(name, resource.get(name).deepCopy());
            }
        }
        check(location, options, fields);
        return options;
    }

    /**
     * The options after a tables.patch ({@code replace} false) or tables.update ({@code replace} true) of an
     * existing table whose fields will be {@code fields}; not kept yet, so a failed update changes nothing.
     */
    ObjectNode forUpdate(String dataset, String table, JsonNode resource, Iterable<JsonNode> fields, boolean replace) {
        String location = key(dataset, table);
        ObjectNode current = get(dataset, table);
        ObjectNode next = current.deepCopy();
        for (String name : List.of("timePartitioning", "rangePartitioning")) {
            JsonNode now = current.get(name);
            JsonNode asked = resource.hasNonNull(name) ? resource.get(name) : null;
            if (asked == null && !replace) {
                continue; // tables.patch: an omitted field stays as it is
            }
            if (now == null && asked != null) {
                throw new IllegalArgumentException("Cannot convert non-partitioned table to partitioned table: " + location);
            }
            if (now != null && !samePartitioning(now, asked)) {
                throw new IllegalArgumentException("Cannot change partitioning spec for a partitioned table: " + location
                        + ". Instead, DROP the table, and then recreate it.");
            }
        }
        if (resource.hasNonNull("clustering") || replace) {
            JsonNode clustering = resource.get("clustering");
            if (clustering == null || clustering.isNull() || clustering.path("fields").isEmpty()) {
                next.remove("clustering");
            } else {
                next.set("clustering", clustering.deepCopy());
            }
        }
        check(location, next, fields);
        return next;
    }

    void put(String dataset, String table, ObjectNode options) {
        byTable.put(key(dataset, table), options);
    }

    ObjectNode get(String dataset, String table) {
        ObjectNode options = byTable.get(key(dataset, table));
        return options == null ? JSON.createObjectNode() : options;
    }

    /** Adds the kept options to a table resource answered by tables.get, insert, patch or update. */
    void addTo(ObjectNode resource, String dataset, String table) {
        get(dataset, table).fields().forEachRemaining(e -> resource.set(e.getKey(), e.getValue().deepCopy()));
    }

    void drop(String dataset, String table) {
        byTable.remove(key(dataset, table));
    }

    void dropDataset(String dataset) {
        synchronized (byTable) {
            byTable.keySet().removeIf(k -> k.startsWith(dataset + "."));
        }
    }

    /** A load job may name the table's partitioning and clustering, but not other ones; null when it fits. */
    String loadJobConflict(String dataset, String table, JsonNode load) {
        ObjectNode current = get(dataset, table);
        for (String name : List.of("timePartitioning", "rangePartitioning")) {
            if (load.hasNonNull(name) && !samePartitioning(current.get(name), load.get(name))) {
                return "Incompatible table partitioning specification. Expects partitioning specification "
                        + (current.has(name) ? current.get(name) : "none") + ", but input partitioning specification is "
                        + load.get(name);
            }
        }
        return null;
    }

    private static boolean samePartitioning(JsonNode now, JsonNode asked) {
        if (now == null || asked == null) {
            return now == asked;
        }
        return now.path("type").asText().equals(asked.path("type").asText())
                && now.path("field").asText().equalsIgnoreCase(asked.path("field").asText())
                && now.path("range").path("start").asText().equals(asked.path("range").path("start").asText())
                && now.path("range").path("end").asText().equals(asked.path("range").path("end").asText())
                && now.path("range").path("interval").asText().equals(asked.path("range").path("interval").asText());
    }

    private static void check(String location, JsonNode options, Iterable<JsonNode> fields) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode field : fields) {
            types.put(field.path("name").asText().toLowerCase(Locale.ROOT), field.path("type").asText().toUpperCase(Locale.ROOT));
        }
        JsonNode time = options.get("timePartitioning");
        JsonNode range = options.get("rangePartitioning");
        if (time != null && range != null) {
            throw new IllegalArgumentException("Only one of timePartitioning and rangePartitioning can be set: " + location);
        }
        if (time != null) {
            if (!Set.of("DAY", "HOUR", "MONTH", "YEAR").contains(time.path("type").asText())) {
                throw new IllegalArgumentException("Invalid time partitioning type " + time.path("type").asText() + ": " + location);
            }
            if (time.has("field")) {
                requireType(location, "partitioning", time.path("field").asText(), types, TIME_TYPES);
            }
        }
        if (range != null) {
            requireType(location, "range partitioning", range.path("field").asText(), types, INTEGER_TYPES);
            long start = range.path("range").path("start").asLong();
            long end = range.path("range").path("end").asLong();
            long interval = range.path("range").path("interval").asLong();
            if (interval <= 0 || end <= start) {
                throw new IllegalArgumentException("Invalid range partitioning: start must be below end and interval positive: " + location);
            }
            if ((end - start + interval - 1) / interval > MAX_PARTITIONS) {
                throw new IllegalArgumentException("Too many partitions in the range partitioning of " + location
                        + ": at most " + MAX_PARTITIONS + " are allowed");
            }
        }
        JsonNode clustering = options.get("clustering");
        if (clustering != null) {
            List<String> names = new ArrayList<>();
            clustering.path("fields").forEach(f -> names.add(f.asText()));
            if (names.size() > MAX_CLUSTERING_FIELDS) {
                throw new IllegalArgumentException("Too many clustering fields: " + names.size() + ", only "
                        + MAX_CLUSTERING_FIELDS + " are allowed: " + location);
            }
            for (String name : names) {
                String type = types.get(name.toLowerCase(Locale.ROOT));
                if (type == null) {
                    throw new IllegalArgumentException("The field specified for clustering cannot be found in the schema: " + name);
                }
                if (UNCLUSTERABLE.contains(type)) {
                    throw new IllegalArgumentException("Clustering is not supported on field " + name + " of type " + type);
                }
            }
        }
    }

    private static void requireType(String location, String what, String field, Map<String, String> types, Set<String> allowed) {
        String type = types.get(field.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("The field specified for " + what + " cannot be found in the schema: " + field
                    + " (" + location + ")");
        }
        if (!allowed.contains(type)) {
            throw new IllegalArgumentException("The field specified for " + what + " has type " + type + ", allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + " (" + location + ")");
        }
    }
}
