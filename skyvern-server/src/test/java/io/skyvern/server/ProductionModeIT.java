package io.skyvern.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionModeIT {
    @Test
    void docs_are_off_and_cors_allows_only_listed_origins() {
        try (TestServer s = TestServer.start("production",
                c -> c.withAllowedOrigins(java.util.List.of("https://app.example")))) {
            assertThat(s.get("/openapi.json", null).status()).isEqualTo(404);
            assertThat(s.get("/docs", null).status()).isEqualTo(404);
            assertThat(s.get("/redoc", null).status()).isEqualTo(404);
            TestServer.Response listed = s.send("GET", "/health", null, null, Map.of("Origin", "https://app.example"));
            assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
            TestServer.Response other = s.send("GET", "/health", null, null, Map.of("Origin", "https://evil.example"));
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void internal_errors_hide_exception_text_in_production_only() {
        try (TestServer prod = TestServer.start("production", c -> c)) {
            prod.skyvern.close(); // the database is gone: the next call fails unexpectedly
            TestServer.Response r = prod.get("/api/v1/tasks");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
            assertThat(r.json().at("/error/details").size()).isZero();
            assertThat(prod.get("/health", null).status()).isEqualTo(503);
        }
        try (TestServer dev = TestServer.start()) {
            dev.skyvern.close();
            TestServer.Response r = dev.get("/api/v1/tasks");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().at("/error/details/exception").asText()).isNotEmpty();
        }
    }
}
