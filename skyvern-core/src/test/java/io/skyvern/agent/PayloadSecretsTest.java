package io.skyvern.agent;

import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadSecretsTest {

    @Test
    void secret_values_are_replaced_by_placeholders_in_what_the_model_sees() throws Exception {
        PayloadSecrets secrets = PayloadSecrets.of(Json.mapper().readTree("""
                {"username":"bob","password":"hunter2-long","card":{"cvv":"123","holder":"Bob"},
                 "api_key":"sk-abc","otp_code":"999111","pins":[{"pin":"4321"}]}"""));
        String masked = secrets.maskedPayload().toString();
        assertThat(masked).contains("\"username\":\"bob\"", "\"holder\":\"Bob\"",
                "{{secret:password}}", "{{secret:card.cvv}}", "{{secret:api_key}}", "{{secret:otp_code}}",
                "{{secret:pins[0].pin}}");
        assertThat(masked).doesNotContain("hunter2-long", "123\"", "sk-abc", "999111", "4321");
    }

    @Test
    void placeholders_are_substituted_only_when_an_action_runs_and_redacted_everywhere_else() throws Exception {
        PayloadSecrets secrets = PayloadSecrets.of(Json.mapper().readTree("{\"password\":\"hunter2\"}"));
        assertThat(secrets.substitute("{{secret:password}}")).isEqualTo("hunter2");
        assertThat(secrets.substitute("pw={{secret:password}}!")).isEqualTo("pw=hunter2!");
        assertThat(secrets.redact("<input value=\"hunter2\">")).isEqualTo("<input value=\"{{secret:password}}\">");
        assertThat(secrets.toString()).doesNotContain("hunter2");
    }

    @Test
    void secret_key_names_are_recognised() {
        for (String key : new String[] {"password", "Password", "user_passwd", "client_secret", "accessToken", "otp",
                "pin", "cvv", "CVC", "api_key", "apiKey", "api-key", "private_key", "credentials", "card_number"}) {
            assertThat(PayloadSecrets.isSecretKey(key)).as(key).isTrue();
        }
        for (String key : new String[] {"username", "email", "name", "country", "plan"}) {
            assertThat(PayloadSecrets.isSecretKey(key)).as(key).isFalse();
        }
    }

    @Test
    void payloads_without_secrets_pass_through_unchanged() throws Exception {
        PayloadSecrets secrets = PayloadSecrets.of(Json.mapper().readTree("{\"name\":\"Ann\"}"));
        assertThat(secrets.isEmpty()).isTrue();
        assertThat(secrets.maskedPayload().toString()).isEqualTo("{\"name\":\"Ann\"}");
        assertThat(PayloadSecrets.of(null).maskedPayload()).isNull();
        assertThat(secrets.redact("Ann")).isEqualTo("Ann");
    }
}
