package io.skyvern.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.config.LlmConfig;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AnthropicClientIT {
    static final String KEY = "sk-ant-test-SECRET-987654";
    static final byte[] PNG = OpenAiCompatibleClientIT.PNG;

    private final ScriptedLlmServer llm = ScriptedLlmServer.start();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        llm.close();
    }

    private AnthropicClient client(String baseUrl, Duration timeout) {
        LlmConfig config = new LlmConfig("anthropic", baseUrl, KEY, "claude-sonnet-4-20250514", true, timeout);
        return new AnthropicClient(config, LlmPriceTable.defaults(), OpenAiCompatibleClientIT.FAST, d -> {
            waits.add(d);
            LlmHttp.REAL_SLEEP.sleep(d);
        });
    }

    private AnthropicClient client() {
        return client(llm.anthropicBaseUrl(), Duration.ofSeconds(5));
    }

    private static LlmRequest simple() {
        return LlmRequest.builder().user("hello").build();
    }

    @Test
    void text_and_image_request_has_the_messages_api_shape() {
        llm.reply(ScriptedReply.content("done"));
        LlmResponse response = client().complete(LlmRequest.builder().system("You drive a browser.")
                .user("Fill <input id=\"e7\">", PNG).maxOutputTokens(500).build());

        assertThat(response.text()).isEqualTo("done");
        RecordedRequest request = llm.lastRequest();
        JsonNode body = request.body();
        assertThat(request.protocol()).isEqualTo(RecordedRequest.Protocol.ANTHROPIC);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(body.path("system").asText()).isEqualTo("You drive a browser.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(500);
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("Fill <input id=\"e7\">");
        assertThat(body.at("/messages/0/content/1/type").asText()).isEqualTo("image");
        assertThat(body.at("/messages/0/content/1/source/type").asText()).isEqualTo("base64");
        assertThat(body.at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        assertThat(body.at("/messages/0/content/1/source/data").asText()).isEqualTo(Base64.getEncoder().encodeToString(PNG));
        assertThat(request.imageCount()).isEqualTo(1);
        assertThat(request.find("id=\"(e\\d+)\"")).contains("e7");
        assertThat(request.header("anthropic-version")).contains("2023-06-01");
        assertThat(request.header("x-api-key")).contains("<redacted>");
        assertThat(request.sentCredential(KEY)).isTrue();
    }

    @Test
    void base_url_ending_in_v1_is_accepted() {
        llm.reply(ScriptedReply.content("ok"));
        client(llm.anthropicBaseUrl() + "/v1/", Duration.ofSeconds(5)).complete(simple());
        assertThat(llm.lastRequest().path()).isEqualTo("/v1/messages");
    }

    @Test
    void json_output_is_asked_for_in_the_system_prompt() {
        llm.reply(ScriptedReply.content("```json\n{\"actions\": [],}\n```"));
        LlmResponse response = client().complete(LlmRequest.builder().system("Be brief.").user("go").jsonOutput(true).build());
        assertThat(llm.lastRequest().body().path("system").asText())
                .startsWith("Be brief.").endsWith(AnthropicClient.JSON_INSTRUCTION);
        assertThat(LlmJson.parse(response.text()).path("actions").isArray()).isTrue();
    }

    @Test
    void usage_becomes_tokens_and_cost() {
        llm.reply(ScriptedReply.content("ok", 1000, 500));
        LlmResponse response = client().complete(simple());
        assertThat(response.inputTokens()).isEqualTo(1000);
        assertThat(response.outputTokens()).isEqualTo(500);
        // 1000 × 3/M + 500 × 15/M
        assertThat(response.cost()).isCloseTo(0.0105, within(1e-12));
        assertThat(response.model()).isEqualTo("claude-sonnet-4-20250514");
    }

    @Test
    void rate_limit_is_retried_after_the_servers_retry_after() {
        llm.reply(ScriptedReply.rateLimited(1), ScriptedReply.content("ok"));
        long start = System.nanoTime();
        assertThat(client().complete(simple()).text()).isEqualTo("ok");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
        assertThat(llm.requestCount()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void overload_is_retried_then_given_up_after_three_attempts() {
        llm.whenExhausted(r -> ScriptedReply.error(529, "Overloaded"));
        assertThatThrownBy(() -> client().complete(simple()))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.httpStatus()).hasValue(529);
                })
                .hasMessageContaining("anthropic").hasMessageContaining("Overloaded");
        assertThat(llm.requestCount()).isEqualTo(3);
    }

    @Test
    void timeout_is_retried() {
        llm.reply(ScriptedReply.delayed(2000, ScriptedReply.content("late")), ScriptedReply.content("on time"));
        assertThat(client(llm.anthropicBaseUrl(), Duration.ofMillis(300)).complete(simple()).text()).isEqualTo("on time");
        assertThat(llm.requestCount()).isEqualTo(2);
    }

    @Test
    void bad_request_fails_at_once_without_the_key() {
        llm.reply(ScriptedReply.error(400, "messages: bad key " + KEY));
        assertThatThrownBy(() -> client().complete(simple()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP 400").hasMessageContaining("messages: bad key")
                .hasMessageNotContaining(KEY);
        assertThat(llm.requestCount()).isEqualTo(1);
    }
}
