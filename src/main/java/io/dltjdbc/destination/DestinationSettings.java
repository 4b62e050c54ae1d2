package io.dltjdbc.destination;

import io.dltjdbc.config.ConfigResolver;
import io.dltjdbc.config.Credentials;
import java.nio.file.Path;

/**
 * Everything a destination needs to open: its resolved credentials, the dataset (default schema, may
 * be null), the pipeline name, the project directory, the config chain (for other settings), an
 * optional native connection object passed as the {@code credentials} JDBC property, and the
 * {@code _<yyyyMMddHHmmss>} suffix of a {@code full_refresh=true} connection (null otherwise): taken once at
 * connect, so that the URL's dataset and every dataset this connection's loads pick get the same one.
 */
public record DestinationSettings(
        String destination,
        Credentials credentials,
        String dataset,
        String pipelineName,
        Path projectDir,
        ConfigResolver config,
        Object credentialsObject,
        String fullRefreshSuffix) {

    @Override
    public String toString() {
        return "DestinationSettings[" + destination + ", dataset=" + dataset + ", pipeline=" + pipelineName
                + (fullRefreshSuffix == null ? "" : ", full_refresh") + "]";
    }
}
