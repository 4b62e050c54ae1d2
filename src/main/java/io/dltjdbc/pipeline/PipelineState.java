package io.dltjdbc.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltjdbc.driver.DltSqlState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A pipeline's state as dlt keeps it: a JSON document stored in {@code _dlt_pipeline_state.state}
 * as base64 of zlib-compressed JSON (dlt's {@code compress_state}), holding the pipeline's names and,
 * under {@code sources.<source>.resources.<resource>}, what each resource remembers (incremental
 * cursors, the chess archives already loaded).
 */
public final class PipelineState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document;
    private final long version;
    private final String originalHash;

    private PipelineState(Map<String, Object> document, long version) {
        this.document = document;
        this.version = version;
        this.originalHash = hash();
    }

    public static PipelineState empty(String pipelineName) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_state_version", 0L);
        document.put("_state_engine_version", 4L);
        document.put("pipeline_name", pipelineName);
        return new PipelineState(document, 0);
    }

    public static PipelineState decode(String stored, long version) throws SQLException {
        try {
            byte[] compressed = Base64.getDecoder().decode(stored);
            Inflater inflater = new Inflater();
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            Map<String, Object> document = JSON.readValue(out.toByteArray(), new TypeReference<LinkedHashMap<String, Object>>() { });
            return new PipelineState(document, version);
        } catch (IllegalArgumentException | DataFormatException | IOException e) {
            throw DltSqlState.DATA_EXCEPTION.exception("the stored pipeline state can't be read (" + e.getMessage() + ")", e);
        }
    }

    public String encode() {
        try {
            byte[] json = JSON.writeValueAsBytes(document);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("state is not serializable", e);
        }
    }

    public long version() {
        return version;
    }

    public Map<String, Object> document() {
        return document;
    }

    /** Whether anything changed since the state was read or created. */
    public boolean changed() {
        return !hash().equals(originalHash);
    }

    /** Content hash, without the version counter (dlt's state version_hash). */
    public String hash() {
        try {
            Map<String, Object> copy = new LinkedHashMap<>(document);
            copy.remove("_state_version");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(copy));
            return Base64.getEncoder().encodeToString(digest);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mutable section, created on first use: {@code section("sources", "chess")}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String... path) {
        Map<String, Object> current = document;
        for (String key : path) {
            Object next = current.get(key);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(key, next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    /** The state of a resource of a source: {@code sources.<source>.resources.<resource>}. */
    public Map<String, Object> resourceState(String source, String resource) {
        return section("sources", source, "resources", resource);
    }

    public void put(String key, Object value) {
        document.put(key, value);
    }

    public Object get(String key) {
        return document.get(key);
    }

    /** Prepares the next stored version. */
    public long nextVersion() {
        long next = version + 1;
        document.put("_state_version", next);
        return next;
    }

    @Override
    public String toString() {
        return "PipelineState[version=" + version + "]";
    }

}
