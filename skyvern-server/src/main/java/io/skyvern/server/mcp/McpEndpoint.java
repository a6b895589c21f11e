package io.skyvern.server.mcp;

import io.javalin.http.Context;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.skyvern.client.SkyvernClient;
import io.skyvern.mcp.SkyvernMcpServers;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.RequestAttributes;

import java.util.Map;
import java.util.function.Function;

/**
 * /mcp: Skyvern's MCP tools over the SDK's streamable HTTP transport. The SDK's servlet runs inside
 * Javalin handlers registered like every API route, so the same middleware applies (request id,
 * CORS, rate limit, API key by route role, access log, metrics) and errors before the servlet runs
 * are the API's envelope. Each call acts as the organisation of its API key.
 */
public final class McpEndpoint implements ApiRouteGroup {
    public static final String PATH = "/mcp";
    private static final String ORGANIZATION_ID = "skyvern.mcp.organizationId";
    private final HttpServletStreamableServerTransportProvider transport;

    public McpEndpoint(Function<String, SkyvernClient> clients) {
        McpJsonMapper mapper = SkyvernMcpServers.jsonMapper();
        this.transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper).mcpEndpoint(PATH)
                .contextExtractor(request -> McpTransportContext.create(Map.of(ORGANIZATION_ID,
                        ((io.skyvern.auth.Organization) request.getAttribute(RequestAttributes.ORGANIZATION))
                                .organizationId())))
                .build();
        SkyvernMcpServers.streamable(transport, mapper, exchange -> clients.apply(
                (String) exchange.transportContext().get(ORGANIZATION_ID)));
    }

    @Override
    public void register(ApiRoutes api) {
        api.post(PATH, mcp("MCP streamable HTTP: a JSON-RPC 2.0 message (initialize, tools/list, tools/call…); "
                + "the answer is JSON or a server-sent event stream").errors(400, 404, 413), this::serve);
        api.get(PATH, mcp("MCP streamable HTTP: the session's server-sent event stream (Mcp-Session-Id header)")
                .errors(400, 404), this::serve);
        api.delete(PATH, mcp("MCP streamable HTTP: end the session (Mcp-Session-Id header)").errors(400, 404),
                this::serve);
    }

    private static Operation mcp(String summary) {
        return Operation.of("mcp", summary).keyOnly();
    }

    private void serve(Context ctx) throws Exception {
        byte[] body = "POST".equals(ctx.req().getMethod()) ? ctx.bodyAsBytes() : new byte[0];
        ServletAsyncBridge bridge = new ServletAsyncBridge(ctx.req(), ctx.res(), body);
        transport.service(bridge.request(), ctx.res());
        if (bridge.started()) {
            ctx.future(bridge::done);
        }
    }
}
