package io.skyvern.server.browsersession;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.Page;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.Pagination;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/browser_sessions: parse, call {@link BrowserSessionService}, map to DTOs. */
public final class BrowserSessionRoutes implements RouteGroup {
    public static final String BASE = "/api/v1/browser_sessions";
    private final BrowserSessionService sessions;
    private final Bodies bodies;

    public BrowserSessionRoutes(BrowserSessionService sessions, Bodies bodies) {
        this.sessions = sessions;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{browser_session_id}", this::get);
        routes.post(BASE + "/{browser_session_id}/close", this::close);
    }

    private void create(Context ctx) {
        CreateBrowserSessionBody body = bodies.readOptional(ctx, CreateBrowserSessionBody.class)
                .orElse(CreateBrowserSessionBody.NONE);
        ApiResponses.created(ctx, BrowserSessionResponse.of(
                sessions.create(RequestAttributes.organizationId(ctx), body.timeoutMinutes())));
    }

    /** Paginated like every list: {@code browser_sessions} and a {@code pagination} block. */
    private void list(Context ctx) {
        Page<BrowserSessionResponse> page = sessions.page(RequestAttributes.organizationId(ctx), QueryParams.page(ctx))
                .map(BrowserSessionResponse::of);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("browser_sessions", page.items());
        data.put("pagination", Pagination.of(page));
        ApiResponses.ok(ctx, data);
    }

    private void get(Context ctx) {
        ApiResponses.ok(ctx, BrowserSessionResponse.of(sessions.get(RequestAttributes.organizationId(ctx),
                ctx.pathParam("browser_session_id"))));
    }

    private void close(Context ctx) {
        ApiResponses.ok(ctx, BrowserSessionResponse.of(sessions.close(RequestAttributes.organizationId(ctx),
                ctx.pathParam("browser_session_id"))));
    }
}
