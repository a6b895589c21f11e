package io.skyvern.testing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ScriptedLlmServer#keepLast}: bounded recording for long benchmarks, counting every request. */
class ScriptedLlmServerKeepLastTest {

    @Test
    void keeps_the_last_requests_and_still_counts_all() throws Exception {
        try (ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(r -> ScriptedReply.json(Map.of("n", r.index()))).keepLast(2);
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                                + "\"content\":\"request " + i + "\"}]}")).build();
                assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }

            assertThat(llm.requestCount()).isEqualTo(5);
            assertThat(llm.requests()).extracting(RecordedRequest::index).containsExactly(3, 4);
            assertThat(llm.lastRequest().lastUserText()).isEqualTo("request 4");
        }
    }
}
