package io.skyvern.server.process;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture itself: the jar starts on a free port, answers, and dies on SIGKILL. */
class ServerProcessIT {
    @Test
    void the_jar_starts_answers_health_and_dies_on_kill() throws Exception {
        try (ServerProcess server = ServerProcess.named("smoke").start(Duration.ofSeconds(60))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            server.kill();
            assertThat(server.isAlive()).isFalse();
            assertThat(server.waitForExit(Duration.ofSeconds(5))).isEqualTo(137);
        }
    }
}
