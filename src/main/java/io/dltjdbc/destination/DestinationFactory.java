package io.dltjdbc.destination;

import io.dltjdbc.config.CredentialField;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One destination kind (duckdb, postgres, redshift, bigquery): what it is called, which credential
 * keys it takes, how it reads a whole connection string, and how it opens. Plain objects listed in
 * {@link Destinations}; no reflection.
 */
public interface DestinationFactory {

    String name();

    /** The destination's credential keys, dlt's names, in the order users write them. */
    List<CredentialField> credentialFields();

    /**
     * Turns a connection string (URL location, or {@code destination.<name>.credentials = "..."}) into
     * fields. Must never put the string in an exception: it may contain a password.
     */
    Map<String, String> parseConnectionString(String text);

    /** Longest identifier the destination accepts (dlt's {@code max_identifier_length}). */
    int maxIdentifierLength();

    Destination open(DestinationSettings settings) throws SQLException;
}
