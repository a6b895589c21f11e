package io.skyvern.server.browsersession;

import io.javalin.http.Context;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.Page;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.Pagination;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;
import io.skyvern.server.http.Params;

import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/browser_sessions: parse, call {@link BrowserSessionService}, map to DTOs. */
public final class BrowserSessionRoutes implements ApiRouteGroup {
    public static final String BASE = "/api/v1/browser_sessions";
    private final BrowserSessionService sessions;
    private final Bodies bodies;

    public BrowserSessionRoutes(BrowserSessionService sessions, Bodies bodies) {
        this.sessions = sessions;
        this.bodies = bodies;
    }

    @Override
    public void register(ApiRoutes api) {
        Param id = Param.path("browser_session_id");
        api.post(BASE, sessions("Open a browser session (timeout_minutes 1..240, default 60)")
                .body(CreateBrowserSessionBody.class).created().returns(BrowserSessionResponse.class)
                .errors(400, 422), this::create);
        api.get(BASE, sessions("List browser sessions (newest first; browser_sessions and pagination)")
                .params(Params.PAGE).errors(422), this::list);
        api.get(BASE + "/{browser_session_id}", sessions("Get a browser session").params(id)
                .returns(BrowserSessionResponse.class).errors(404), this::get);
        api.post(BASE + "/{browser_session_id}/close", sessions("Close a browser session").params(id)
                .returns(BrowserSessionResponse.class).errors(404), this::close);
    }

    private static Operation sessions(String summary) {
        return Operation.of("browser_sessions", summary);
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
