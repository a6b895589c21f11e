package io.skyvern.server;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.skyvern.mcp.SkyvernMcpServers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's /mcp endpoint with the SDK's streamable HTTP client: API key required, org-scoped tools. */
class McpHttpIT {
    private static McpSyncClient connect(TestServer s, String key) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + s.server.port()).endpoint("/mcp")
                .jsonMapper(SkyvernMcpServers.jsonMapper())
                .customizeRequest(b -> b.header("x-api-key", key)).build();
        return McpClient.sync(transport).jsonSchemaValidator(SkyvernMcpServers.schemaValidator()).requestTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void tools_act_as_the_keys_organisation_and_a_missing_key_is_401() throws Exception {
        try (TestServer s = TestServer.start()) {
            TestServer.Response mine = s.post("/api/v1/tasks", Map.of("url", "https://example.com/",
                    "navigation_goal", "Mine"));
            String myTask = mine.json().at("/data/task_id").asText();
            String otherKey = s.newOrganizationKey("mcp-other");

            McpSyncClient client = connect(s, s.bootstrapKey);
            try {
                client.initialize();
                assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("run_task", "list_tasks");
                McpSchema.CallToolResult got = client.callTool(new McpSchema.CallToolRequest("get_task",
                        Map.of("task_id", myTask)));
                assertThat(got.isError()).isFalse();
                assertThat(((McpSchema.TextContent) got.content().get(0)).text()).contains(myTask).contains("queued");
            } finally {
                client.closeGracefully();
            }

            McpSyncClient other = connect(s, otherKey);
            try {
                other.initialize();
                McpSchema.CallToolResult foreign = other.callTool(new McpSchema.CallToolRequest("get_task",
                        Map.of("task_id", myTask)));
                assertThat(foreign.isError()).isTrue();
                assertThat(((McpSchema.TextContent) foreign.content().get(0)).text()).startsWith("TASK_NOT_FOUND");
                McpSchema.CallToolResult listed = other.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of()));
                assertThat(((McpSchema.TextContent) listed.content().get(0)).text()).doesNotContain(myTask);
            } finally {
                other.closeGracefully();
            }

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.server.port() + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(List.of(anonymous.body())).allMatch(b -> b.contains("UNAUTHORIZED"));
            // the API's middleware runs for /mcp too: request id, rate limit, the API's error envelope
            assertThat(anonymous.headers().firstValue("X-Request-ID")).isPresent();
            assertThat(anonymous.body()).contains("\"request_id\"");
            HttpResponse<String> keyed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.server.port() + "/mcp")).header("x-api-key", s.bootstrapKey)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(keyed.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
            // the body is read by Javalin within the configured maximum, as for the API
            String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                    + "x".repeat(1024 * 1024 + 10) + "\"}}";
            HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.server.port() + "/mcp")).header("x-api-key", s.bootstrapKey)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("PAYLOAD_TOO_LARGE");
        }
    }
}
