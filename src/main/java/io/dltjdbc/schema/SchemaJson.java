package io.dltjdbc.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads and writes a {@link Schema} in dlt's stored-schema layout (tables -> columns keyed by name). */
final class SchemaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> COLUMN_KEYS = Set.of(
        "name", "data_type", "nullable", "primary_key", "merge_key", "precision", "scale", "variant", "x-variant-of");

    private SchemaJson() {
    }

    static String write(Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", schema.version());
        root.put("version_hash", contentHash(schema));
        root.put("engine_version", Schema.ENGINE_VERSION);
        root.put("name", schema.name());
        root.set("tables", tables(schema));
        root.set("settings", MAPPER.createObjectNode());
        ObjectNode normalizers = root.putObject("normalizers");
        normalizers.put("names", "snake_case");
        normalizers.putObject("json").put("module", "dlt.common.normalizers.json.relational");
        return toString(root);
    }

    static String contentHash(Schema schema) {
        ObjectNode content = MAPPER.createObjectNode();
        content.put("name", schema.name());
        content.set("tables", tables(schema));
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            byte[] digest = sha3.digest(toString(content).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is part of every Java 9+ runtime", e);
        }
    }

    private static ObjectNode tables(Schema schema) {
        ObjectNode tables = MAPPER.createObjectNode();
        for (Table table : schema.tables()) {
            ObjectNode t = tables.putObject(table.name());
            t.put("name", table.name());
            if (table.parent() != null) {
                t.put("parent", table.parent());
            }
            if (table.writeDisposition() != null) {
                t.put("write_disposition", table.writeDisposition());
            }
            ObjectNode columns = t.putObject("columns");
            for (Column c : table.allColumns()) {
                columns.set(c.name(), column(c));
            }
        }
        return tables;
    }

    private static ObjectNode column(Column c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", c.name());
        if (c.type() != null) {
            n.put("data_type", c.type().dltName());
        }
        n.put("nullable", c.nullable());
        if (c.primaryKey()) {
            n.put("primary_key", true);
        }
        if (c.mergeKey()) {
            n.put("merge_key", true);
        }
        if (c.precision() != null) {
            n.put("precision", c.precision());
        }
        if (c.scale() != null) {
            n.put("scale", c.scale());
        }
        if (c.variantOf() != null) {
            n.put("variant", true);
            n.put("x-variant-of", c.variantOf());
        }
        for (Map.Entry<String, String> hint : c.hints().entrySet()) {
            if ("true".equals(hint.getValue())) {
                n.put(hint.getKey(), true);
            } else {
                n.put(hint.getKey(), hint.getValue());
            }
        }
        return n;
    }

    static Schema read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Schema schema = new Schema(root.path("name").asText(), root.path("version").asInt(1));
            for (Iterator<JsonNode> it = root.path("tables").elements(); it.hasNext(); ) {
                JsonNode t = it.next();
                Table table = new Table(t.path("name").asText(), textOrNull(t, "parent"),
                    textOrNull(t, "write_disposition"));
                for (Iterator<JsonNode> cs = t.path("columns").elements(); cs.hasNext(); ) {
                    table.putColumn(readColumn(cs.next()));
                }
                schema.addTable(table);
            }
            return schema;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dlt schema document: " + e.getOriginalMessage(), e);
        }
    }

    private static Column readColumn(JsonNode n) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!COLUMN_KEYS.contains(field.getKey())) {
                hints.put(field.getKey(), field.getValue().asText());
            }
        }
        String type = textOrNull(n, "data_type");
        return new Column(n.path("name").asText(), type == null ? null : DltType.fromName(type),
            n.path("nullable").asBoolean(true), n.path("primary_key").asBoolean(false),
            n.path("merge_key").asBoolean(false), intOrNull(n, "precision"), intOrNull(n, "scale"),
            textOrNull(n, "x-variant-of"), hints);
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static String toString(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
