package io.skyvern.server.mcp;

import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.skyvern.auth.OrganizationService;
import io.skyvern.client.SkyvernClient;
import io.skyvern.mcp.SkyvernMcpServers;
import io.skyvern.server.middleware.FailedAuthLimiter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;

/**
 * /mcp: Skyvern's MCP tools over the SDK's streamable HTTP transport, a servlet mounted in
 * Javalin's Jetty context beside Javalin's own. Each call acts as the organisation of its API key.
 */
public final class McpEndpoint {
    public static final String PATH = "/mcp";

    private McpEndpoint() {
    }

    public static void install(JavalinConfig config, OrganizationService organizations, FailedAuthLimiter failures,
                               Function<String, SkyvernClient> clients) {
        McpJsonMapper mapper = SkyvernMcpServers.jsonMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper).mcpEndpoint(PATH)
                .contextExtractor(request -> McpTransportContext.create(Map.of(McpAuthFilter.ORGANIZATION_ID,
                        request.getAttribute(McpAuthFilter.ORGANIZATION_ID))))
                .build();
        SkyvernMcpServers.streamable(transport, mapper, exchange -> clients.apply(
                (String) exchange.transportContext().get(McpAuthFilter.ORGANIZATION_ID)));
        config.jetty.modifyServletContextHandler(context -> {
            ServletHolder servlet = new ServletHolder(transport);
            servlet.setAsyncSupported(true);
            context.addServlet(servlet, PATH);
            FilterHolder auth = new FilterHolder(new McpAuthFilter(organizations, failures));
            auth.setAsyncSupported(true);
            context.addFilter(auth, PATH, EnumSet.of(DispatcherType.REQUEST));
        });
    }
}
