package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SourceUrlCredentialsTest {
    @Test
    void queryUserAndPasswordMoveToProperties() {
        SourceUrlCredentials split = SourceUrlCredentials.split("jdbc:postgresql://h:5432/db?user=u&password=p%26w&ssl=true");
        assertEquals("jdbc:postgresql://h:5432/db?ssl=true", split.url());
        assertEquals("u", split.properties().getProperty("user"));
        assertEquals("p&w", split.properties().getProperty("password"));
    }

    @Test
    void passwordAsLastParameterLeavesACleanUrl() {
        SourceUrlCredentials split = SourceUrlCredentials.split("jdbc:postgresql://h/db?ssl=true&password=x");
        assertEquals("jdbc:postgresql://h/db?ssl=true", split.url());
        assertEquals("x", split.properties().getProperty("password"));
    }

    @Test
    void sqlServerStyleParametersMove() {
        SourceUrlCredentials split = SourceUrlCredentials.split("jdbc:sqlserver://h;user=u;password=p;databaseName=x");
        assertEquals("jdbc:sqlserver://h;databaseName=x", split.url());
        assertEquals("p", split.properties().getProperty("password"));
    }

    @Test
    void dltUserInfoPasswordMoves() {
        SourceUrlCredentials split = SourceUrlCredentials.split("jdbc:dlt:postgres://loader:s3cret@127.0.0.1:5432/dlt_data?dataset=d");
        assertEquals("jdbc:dlt:postgres://loader@127.0.0.1:5432/dlt_data?dataset=d", split.url());
        assertEquals("s3cret", split.properties().getProperty("password"));
    }

    @Test
    void urlWithoutCredentialsIsUnchanged() {
        SourceUrlCredentials split = SourceUrlCredentials.split("jdbc:h2:mem:source");
        assertEquals("jdbc:h2:mem:source", split.url());
        assertNull(split.properties().getProperty("password"));
    }
}
