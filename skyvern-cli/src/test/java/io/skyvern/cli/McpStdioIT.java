package io.skyvern.cli;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.skyvern.mcp.SkyvernMcpServers;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code skyvern mcp} as an assistant runs it: a separate process speaking MCP over its stdin and
 * stdout, driven by the SDK's own client. In-process, so run_task really runs (real Chromium on the
 * fixture site, the scripted model on loopback).
 */
class McpStdioIT {
    @Test
    void initialize_lists_the_tools_and_run_task_returns_the_finished_task() throws Exception {
        Path dataDir = Files.createTempDirectory("skyvern-mcp-it");
        try (FixtureSite site = FixtureSite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(r -> ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete",
                    "reasoning", "the products are listed")))));
            String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "";
            ServerParameters process = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                    .args("-cp", System.getProperty("java.class.path"), SkyvernCli.class.getName(), "mcp",
                            "--data-dir", dataDir.toString())
                    .env(Map.of("SKYVERN_LLM_PROVIDER", "openai", "SKYVERN_LLM_BASE_URL", llm.baseUrl(),
                            "SKYVERN_LLM_API_KEY", "sk-scripted", "SKYVERN_LLM_MODEL", "scripted-model",
                            "SKYVERN_LLM_VISION", "false", "SKYVERN_BROWSER_EXECUTABLE", chromium,
                            "SKYVERN_ALLOW_PRIVATE_NETWORK", "true", "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
                    .build();
            StdioClientTransport transport = new StdioClientTransport(process, SkyvernMcpServers.jsonMapper());
            McpSyncClient client = McpClient.sync(transport).jsonSchemaValidator(SkyvernMcpServers.schemaValidator()).requestTimeout(Duration.ofSeconds(120))
                    .initializationTimeout(Duration.ofSeconds(60)).build();
            try {
                McpSchema.InitializeResult init = client.initialize();
                assertThat(init.serverInfo().name()).isEqualTo("skyvern");
                assertThat(init.serverInfo().version()).as("the build's version, not the \"dev\" fallback")
                        .matches("\\d+\\.\\d+\\.\\d+.*");
                List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
                assertThat(tools).containsExactlyInAnyOrder("run_task", "get_task", "list_tasks", "cancel_task",
                        "list_workflows", "run_workflow", "get_workflow_run");

                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("run_task", Map.of(
                        "url", site.url("/products"), "navigation_goal", "Look at the products",
                        "timeout_seconds", 90)));

                String text = ((McpSchema.TextContent) result.content().get(0)).text();
                assertThat(result.isError()).as(text).isFalse();
                assertThat(text).contains("\"status\" : \"completed\"").contains("\"task_id\" : \"tsk_");
                McpSchema.CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("get_task",
                        Map.of("task_id", "tsk_nope")));
                assertThat(missing.isError()).isTrue();
                assertThat(((McpSchema.TextContent) missing.content().get(0)).text()).startsWith("TASK_NOT_FOUND");
            } finally {
                client.closeGracefully();
            }
        } finally {
            io.skyvern.testing.TempDirs.delete(dataDir);
        }
    }
}
