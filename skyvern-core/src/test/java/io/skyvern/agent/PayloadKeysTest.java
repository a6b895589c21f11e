package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadKeysTest {
    private static JsonNode payload(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void typed_text_is_tied_to_the_payload_key_it_came_from() throws Exception {
        JsonNode p = payload("{\"login\":{\"username\":\"alice\",\"password\":\"pw\"},\"country\":\"Japan\"}");
        assertThat(PayloadKeys.keyOf("alice", p)).contains("login.username");
        assertThat(PayloadKeys.keyOf("{{secret:login.password}}", p)).contains("login.password");
        assertThat(PayloadKeys.keyOf("typed by hand", p)).isEmpty();
        assertThat(PayloadKeys.keyOf("", p)).isEmpty();
    }

    @Test
    void a_replay_types_the_new_runs_value_and_keeps_secrets_as_placeholders() throws Exception {
        JsonNode p = payload("{\"login\":{\"username\":\"bob\"}}");
        assertThat(PayloadKeys.valueOf("login.username", "alice", p)).contains("bob");
        assertThat(PayloadKeys.valueOf("login.password", "{{secret:login.password}}", p))
                .contains("{{secret:login.password}}");
        assertThat(PayloadKeys.valueOf("login.missing", "x", p)).isEmpty();
    }
}
