package io.dltjdbc.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void passwordInUserInfoIsMasked() {
        assertEquals("https://u:***@h.io/a.json", Masking.mask("https://u:pw@h.io/a.json"));
    }

    @Test
    void secretQueryParametersAreMaskedOthersKept() {
        assertEquals("see https://h/x?page=1&token=***&api_key=***&password=***#f",
                Masking.mask("see https://h/x?page=1&token=t0k&api_key=k3y&password=p#f"));
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertEquals("data/x.jsonl line 3 http://h:8080/a", Masking.mask("data/x.jsonl line 3 http://h:8080/a"));
    }
}
