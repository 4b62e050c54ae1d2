package io.dltjdbc.destination;

import io.dltjdbc.schema.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything one load writes, all or nothing: the resources' staged rows, the schema (stored in
 * {@code _dlt_version} when it changed), the pipeline state, and the {@code _dlt_loads} row written last.
 *
 * @param state the pipeline state as dlt stores it (base64 of zlib-compressed JSON), null when unchanged
 */
public record LoadPlan(
        String loadId,
        String pipelineName,
        String dataset,
        Schema schema,
        boolean storeSchema,
        List<ResourceLoad> resources,
        String state,
        long stateVersion,
        String stateHash,
        OffsetDateTime startedAt) {
}
