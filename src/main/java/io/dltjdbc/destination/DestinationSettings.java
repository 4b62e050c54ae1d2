package io.dltjdbc.destination;

import io.dltjdbc.config.ConfigResolver;
import io.dltjdbc.config.Credentials;
import java.nio.file.Path;

/**
 * Everything a destination needs to open: its resolved credentials, the dataset (default schema, may
 * be null), the pipeline name, the project directory, the config chain (for other settings) and an
 * optional native connection object passed as the {@code credentials} JDBC property.
 */
public record DestinationSettings(
        String destination,
        Credentials credentials,
        String dataset,
        String pipelineName,
        Path projectDir,
        ConfigResolver config,
        Object credentialsObject) {

    @Override
    public String toString() {
        return "DestinationSettings[" + destination + ", dataset=" + dataset + ", pipeline=" + pipelineName + "]";
    }
}
