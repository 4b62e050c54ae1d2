package io.dltjdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void passwordQueryParameterIsMasked() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Redaction.maskUrl("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"));
    }

    @Test
    void userInfoPasswordIsMaskedEvenWithColons() {
        assertEquals("jdbc:dlt:postgres://loader:***@localhost:5432/dlt_data",
                Redaction.maskUrl("jdbc:dlt:postgres://loader:pa:ss@localhost:5432/dlt_data"));
        assertEquals("https://u:***@h.io/a.json", Redaction.maskUrl("https://u:pw@h.io/a.json"));
    }

    @Test
    void sqlServerSemicolonPasswordIsMasked() {
        assertEquals("jdbc:sqlserver://h;user=u;password=***;db=x", Redaction.maskUrl("jdbc:sqlserver://h;user=u;password=p;db=x"));
    }

    @Test
    void oracleThinPasswordIsMasked() {
        assertEquals("jdbc:oracle:thin:scott/***@db:1521/x", Redaction.maskUrl("jdbc:oracle:thin:scott/tiger@db:1521/x"));
    }

    @Test
    void secretQueryParametersAreMaskedOthersKept() {
        assertEquals("see https://h/x?page=1&token=***&api_key=***&password=***#f",
                Redaction.maskUrl("see https://h/x?page=1&token=t0k&api_key=k3y&password=p#f"));
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertEquals("data/x.jsonl line 3 http://h:8080/a", Redaction.maskUrl("data/x.jsonl line 3 http://h:8080/a"));
        String url = "jdbc:postgresql://h:5432/db?ssl=true";
        assertEquals(url, Redaction.maskUrl(url));
        assertNull(Redaction.maskUrl(null));
    }

    @Test
    void knownSecretValuesAreRemovedFromForeignMessages() {
        assertEquals("FATAL: password authentication failed for user \"loader\" (***)",
                Redaction.maskValues("FATAL: password authentication failed for user \"loader\" (hunter22)", List.of("hunter22")));
    }
}
