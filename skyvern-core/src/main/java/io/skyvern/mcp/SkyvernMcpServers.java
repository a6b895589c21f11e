package io.skyvern.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.skyvern.client.SkyvernClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Properties;
import java.util.function.Function;

/**
 * Builds Skyvern's MCP servers on the official MCP Java SDK: over stdio (the CLI) and over a
 * streamable HTTP transport (the server's /mcp).
 */
public final class SkyvernMcpServers {
    /** The tools check their arguments themselves; this keeps the SDK from needing a schema library. */
    private static final JsonSchemaValidator NO_OUTPUT_SCHEMAS = (schema, content) ->
            JsonSchemaValidator.ValidationResponse.asValid(String.valueOf(content));

    private SkyvernMcpServers() {
    }

    /** For MCP clients of these servers too: the SDK's default validator needs a library we leave out. */
    public static JsonSchemaValidator schemaValidator() {
        return NO_OUTPUT_SCHEMAS;
    }

    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper());
    }

    /** A server over {@code in}/{@code out} whose tools act through {@code client}; it serves until closed. */
    public static McpSyncServer stdio(SkyvernClient client, InputStream in, OutputStream out) {
        McpJsonMapper mapper = jsonMapper();
        return McpServer.sync(new StdioServerTransportProvider(mapper, in, out))
                .serverInfo("skyvern", version()).jsonMapper(mapper).jsonSchemaValidator(NO_OUTPUT_SCHEMAS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(new SkyvernMcpTools(mapper, exchange -> client).all()).build();
    }

    /** A server on a streamable HTTP transport; {@code clients} resolves each call's caller. */
    public static McpSyncServer streamable(McpStreamableServerTransportProvider transport, McpJsonMapper mapper,
                                           Function<McpSyncServerExchange, SkyvernClient> clients) {
        return McpServer.sync(transport)
                .serverInfo("skyvern", version()).jsonMapper(mapper).jsonSchemaValidator(NO_OUTPUT_SCHEMAS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(new SkyvernMcpTools(mapper, clients).all()).build();
    }

    /** The build's version from a filtered resource: a shaded jar's manifest names the CLI or server, not core. */
    private static String version() {
        try (InputStream in = SkyvernMcpServers.class.getResourceAsStream("skyvern-core.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
