package io.dltjdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void passwordQueryParameterIsMasked() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Redactor.redactUrl("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"));
    }

    @Test
    void userInfoPasswordIsMasked() {
        assertEquals("jdbc:dlt:postgres://loader:***@localhost:5432/dlt_data",
                Redactor.redactUrl("jdbc:dlt:postgres://loader:pa:ss@localhost:5432/dlt_data"));
    }

    @Test
    void sqlServerSemicolonPasswordIsMasked() {
        assertEquals("jdbc:sqlserver://h;user=u;password=***;db=x",
                Redactor.redactUrl("jdbc:sqlserver://h;user=u;password=p;db=x"));
    }

    @Test
    void urlWithoutSecretsIsUnchanged() {
        String url = "jdbc:postgresql://h:5432/db?ssl=true";
        assertEquals(url, Redactor.redactUrl(url));
        assertNull(Redactor.redactUrl(null));
    }
}
