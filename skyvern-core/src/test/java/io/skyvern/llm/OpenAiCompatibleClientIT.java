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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OpenAiCompatibleClientIT {
    static final String KEY = "sk-test-SECRET-0123456789";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2));

    private final ScriptedLlmServer llm = ScriptedLlmServer.start();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        llm.close();
    }

    private OpenAiCompatibleClient client(String model, Duration timeout) {
        LlmConfig config = new LlmConfig("openai", llm.baseUrl() + "/", KEY, model, true, timeout);
        return new OpenAiCompatibleClient(config, LlmPriceTable.defaults(), FAST, d -> {
            waits.add(d);
            LlmHttp.REAL_SLEEP.sleep(d);
        });
    }

    private OpenAiCompatibleClient client() {
        return client("gpt-4o", Duration.ofSeconds(5));
    }

    private static LlmRequest simple() {
        return LlmRequest.builder().user("hello").build();
    }

    @Test
    void text_and_image_request_has_the_openai_shape() {
        llm.reply(ScriptedReply.content("done"));
        LlmResponse response = client().complete(LlmRequest.builder().system("You drive a browser.")
                .user("Click <button id=\"e12\">Go</button>", PNG).temperature(0.2).maxOutputTokens(321).build());

        assertThat(response.text()).isEqualTo("done");
        RecordedRequest request = llm.lastRequest();
        JsonNode body = request.body();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(321);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("You drive a browser.");
        assertThat(body.at("/messages/1/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/messages/1/content/1/type").asText()).isEqualTo("image_url");
        assertThat(body.at("/messages/1/content/1/image_url/url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        assertThat(request.imageCount()).isEqualTo(1);
        assertThat(request.find("id=\"(e\\d+)\"")).contains("e12");
        assertThat(request.sentCredential(KEY)).isTrue();
        assertThat(request.header("authorization")).contains("<redacted>");
        assertThat(request.rawBody()).doesNotContain(KEY);
    }

    @Test
    void an_answer_without_usage_is_counted_with_the_tokenizer() {
        llm.reply(ScriptedReply.content("{\"actions\":[]}", 0, 0));   // a local server that reports no usage
        LlmRequest request = LlmRequest.builder().system("You drive a browser.").user("Click the Go button").build();

        LlmResponse response = client().complete(request);

        TokenCounter counter = TokenCounter.o200k();
        assertThat(response.inputTokens()).isEqualTo(counter.count(request.messages())).isPositive();
        assertThat(response.outputTokens()).isEqualTo(counter.count("{\"actions\":[]}"));
    }

    @Test
    void reported_usage_is_taken_as_reported() {
        llm.reply(ScriptedReply.content("ok", 1234, 56));
        LlmResponse response = client().complete(LlmRequest.builder().user("hi").build());
        assertThat(response.inputTokens()).isEqualTo(1234);
        assertThat(response.outputTokens()).isEqualTo(56);
    }

    @Test
    void request_model_overrides_the_configured_one() {
        llm.reply(ScriptedReply.content("ok"));
        LlmResponse response = client().complete(LlmRequest.builder().model("gpt-4o-mini").user("hi").build());
        assertThat(llm.lastRequest().model()).isEqualTo("gpt-4o-mini");
        assertThat(response.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void json_mode_asks_for_a_json_object() {
        llm.reply(ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete")))));
        LlmResponse response = client().complete(LlmRequest.builder().user("go").jsonOutput(true).build());
        assertThat(llm.lastRequest().jsonMode()).isTrue();
        assertThat(LlmJson.parse(response.text()).at("/actions/0/action_type").asText()).isEqualTo("complete");
    }

    @Test
    void usage_becomes_tokens_and_cost() {
        llm.reply(ScriptedReply.content("ok", 1000, 500));
        LlmResponse response = client().complete(simple());
        assertThat(response.inputTokens()).isEqualTo(1000);
        assertThat(response.outputTokens()).isEqualTo(500);
        assertThat(response.cost()).isCloseTo(0.0075, within(1e-12));
        assertThat(response.model()).isEqualTo("gpt-4o");
        assertThat(response.latencyMs()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void unknown_model_has_zero_cost() {
        llm.reply(ScriptedReply.content("ok", 1000, 500));
        assertThat(client("llama3.1:8b", Duration.ofSeconds(5)).complete(simple()).cost()).isZero();
    }

    @Test
    void rate_limit_is_retried_after_the_servers_retry_after() {
        llm.reply(ScriptedReply.rateLimited(1), ScriptedReply.content("ok"));
        long start = System.nanoTime();
        LlmResponse response = client().complete(simple());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.text()).isEqualTo("ok");
        assertThat(llm.requestCount()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1000);
        assertThat(response.latencyMs()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void server_error_is_retried_with_backoff() {
        llm.reply(ScriptedReply.serverError(), ScriptedReply.content("ok"));
        assertThat(client().complete(simple()).text()).isEqualTo("ok");
        assertThat(llm.requestCount()).isEqualTo(2);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void gives_up_after_three_attempts_with_a_clear_exception() {
        llm.reply(ScriptedReply.serverError(), ScriptedReply.serverError(), ScriptedReply.error(503, "overloaded"),
                ScriptedReply.content("never reached"));
        assertThatThrownBy(() -> client().complete(simple()))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.httpStatus()).hasValue(503);
                })
                .hasMessageContaining("gave up after 3 attempt").hasMessageContaining("HTTP 503")
                .hasMessageContaining("overloaded");
        assertThat(llm.requestCount()).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void bad_request_fails_at_once_with_the_servers_message() {
        llm.reply(ScriptedReply.error(400, "The model `gpt-9` does not exist"), ScriptedReply.content("never"));
        assertThatThrownBy(() -> client().complete(simple()))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessageContaining("HTTP 400").hasMessageContaining("gpt-9");
        assertThat(llm.requestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void long_server_error_text_is_truncated() {
        llm.reply(ScriptedReply.error(422, "x".repeat(5000)));
        assertThatThrownBy(() -> client().complete(simple())).isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(500));
    }

    @Test
    void timeout_is_retried() {
        llm.reply(ScriptedReply.delayed(2000, ScriptedReply.content("late")), ScriptedReply.content("on time"));
        LlmResponse response = client("gpt-4o", Duration.ofMillis(300)).complete(simple());
        assertThat(response.text()).isEqualTo("on time");
        assertThat(llm.requestCount()).isEqualTo(2);
    }

    @Test
    void timeouts_on_every_attempt_end_without_a_status() throws InterruptedException {
        llm.whenExhausted(r -> ScriptedReply.delayed(2000, ScriptedReply.content("late")));
        assertThatThrownBy(() -> client("gpt-4o", Duration.ofMillis(500)).complete(simple()))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.httpStatus()).isEmpty();
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageContaining("no answer within");
        // The client gives up on the third attempt as soon as its time is up; on a loaded machine the
        // scripted server may record that request a moment later.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (llm.requestCount() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(llm.requestCount()).isEqualTo(3);
    }

    @Test
    void dropped_connection_is_retried() {
        llm.reply(ScriptedReply.drop(), ScriptedReply.content("ok"));
        assertThat(client().complete(simple()).text()).isEqualTo("ok");
        assertThat(llm.requestCount()).isEqualTo(2);
    }

    @Test
    void garbage_body_is_retried() {
        llm.reply(ScriptedReply.garbage("<html>Bad gateway</html>"), ScriptedReply.content("ok"));
        assertThat(client().complete(simple()).text()).isEqualTo("ok");
        assertThat(llm.requestCount()).isEqualTo(2);
    }

    @Test
    void server_without_json_mode_is_asked_again_without_it_and_remembered() {
        llm.whenExhausted(r -> r.jsonMode()
                ? ScriptedReply.error(400, "Invalid parameter: 'response_format' of type 'json_object' is not supported")
                : ScriptedReply.json(Map.of("ok", true)));
        OpenAiCompatibleClient client = client();
        LlmRequest json = LlmRequest.builder().user("go").jsonOutput(true).build();

        assertThat(LlmJson.parse(client.complete(json).text()).path("ok").asBoolean()).isTrue();
        assertThat(llm.requests()).extracting(RecordedRequest::jsonMode).containsExactly(true, false);
        assertThat(client.jsonModeUnsupported()).isTrue();

        client.complete(json);
        assertThat(llm.requestCount()).as("no second refusal").isEqualTo(3);
        assertThat(llm.lastRequest().jsonMode()).isFalse();
    }

    @Test
    void server_wanting_max_completion_tokens_gets_it_from_then_on() {
        llm.whenExhausted(r -> r.body().has("max_tokens")
                ? ScriptedReply.error(400, "Unsupported parameter: 'max_tokens' is not supported with this model. "
                        + "Use 'max_completion_tokens' instead.")
                : ScriptedReply.content("ok"));
        OpenAiCompatibleClient client = client("o3-mini", Duration.ofSeconds(5));
        assertThat(client.complete(simple()).text()).isEqualTo("ok");
        client.complete(simple());
        assertThat(llm.requests()).extracting(r -> r.body().has("max_completion_tokens"))
                .containsExactly(false, true, true);
    }

    @Test
    void api_key_never_appears_in_exception_messages() {
        llm.reply(ScriptedReply.error(401, "Incorrect API key provided: " + KEY));
        assertThatThrownBy(() -> client().complete(simple())).isInstanceOf(LlmException.class)
                .hasMessageNotContaining(KEY).hasMessageContaining("***").hasMessageContaining("HTTP 401");

        llm.whenExhausted(r -> ScriptedReply.error(500, "upstream said " + KEY));
        assertThatThrownBy(() -> client().complete(simple())).isInstanceOf(LlmException.class)
                .hasMessageNotContaining(KEY)
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(KEY));
    }

    @Test
    void concurrent_calls_share_one_client_and_server() throws Exception {
        llm.whenExhausted(r -> ScriptedReply.content("answer to " + r.lastUserText()));
        OpenAiCompatibleClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String question = "q" + i;
                answers.add(pool.submit(() -> client.complete(LlmRequest.builder().user(question).build()).text()));
            }
            for (int i = 0; i < 16; i++) {
                assertThat(answers.get(i).get()).isEqualTo("answer to q" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(llm.requestCount()).isEqualTo(16);
    }

    @Test
    void exhausted_script_answers_500_by_default() {
        assertThatThrownBy(() -> new OpenAiCompatibleClient(new LlmConfig("openai", llm.baseUrl(), "", "m", true,
                Duration.ofSeconds(5)), LlmPriceTable.defaults(), FAST.withMaxAttempts(1)).complete(simple()))
                .isInstanceOf(LlmException.class).hasMessageContaining("script exhausted");
        assertThat(llm.lastRequest().header("authorization")).as("no key, no header").isEmpty();
    }
}
