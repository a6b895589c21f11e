package io.skyvern.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeysTest {
    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void a_template_takes_the_payload_values() throws Exception {
        assertThat(CacheKeys.of("{{ site }}-login-{{login.user}}", "http://a/", "g",
                json("{\"site\":\"shop\",\"login\":{\"user\":\"ann\"}}"))).isEqualTo("shop-login-ann");
        assertThat(CacheKeys.of("{{ missing }}-x", "http://a/", "g", null)).isEqualTo("-x");
    }

    @Test
    void the_default_key_depends_on_key_names_not_values() throws Exception {
        String ann = CacheKeys.of(null, "http://a/login", "Sign in", json("{\"login\":{\"user\":\"ann\",\"pw\":\"1\"}}"));
        String bob = CacheKeys.of(" ", "http://a/login", "Sign in", json("{\"login\":{\"pw\":\"2\",\"user\":\"bob\"}}"));
        String other = CacheKeys.of(null, "http://a/login", "Sign in", json("{\"login\":{\"name\":\"ann\"}}"));
        String otherGoal = CacheKeys.of(null, "http://a/login", "Sign up", json("{\"login\":{\"user\":\"ann\",\"pw\":\"1\"}}"));
        assertThat(ann).startsWith("auto:").isEqualTo(bob).isNotEqualTo(other).isNotEqualTo(otherGoal);
    }
}
