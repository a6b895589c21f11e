package io.skyvern.server.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.auth.CreatedApiKey;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Browser sessions (open, close) and API keys (create, shown once; revoke). */
final class AccountPages {
    private final Templates templates;

    AccountPages(Templates templates) {
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes, Function<PageHandler, Handler> page) {
        routes.get("/ui/browser_sessions", page.apply(this::sessions));
        routes.post("/ui/browser_sessions", page.apply((ctx, in) -> {
            in.client().createBrowserSession(null);
            ctx.redirect("/ui/browser_sessions", HttpStatus.SEE_OTHER);
        }));
        routes.post("/ui/browser_sessions/{browser_session_id}/close", page.apply((ctx, in) -> {
            in.client().closeBrowserSession(ctx.pathParam("browser_session_id"));
            ctx.redirect("/ui/browser_sessions", HttpStatus.SEE_OTHER);
        }));
        routes.get("/ui/api_keys", page.apply((ctx, in) -> keys(ctx, in, Optional.empty())));
        routes.post("/ui/api_keys", page.apply((ctx, in) -> {
            String name = Optional.ofNullable(ctx.formParam("name")).filter(n -> !n.isBlank()).orElse("dashboard");
            keys(ctx, in, Optional.of(in.client().createApiKey(name)));
        }));
        routes.post("/ui/api_keys/{api_key_id}/revoke", page.apply((ctx, in) -> {
            in.client().revokeApiKey(ctx.pathParam("api_key_id"));
            ctx.redirect("/ui/api_keys", HttpStatus.SEE_OTHER);
        }));
    }

    private void sessions(Context ctx, SignedIn in) {
        ctx.html(templates.render("browser_sessions.jte", Map.of("chrome", in.chrome("Browser sessions", "sessions"),
                "sessions", in.client().listBrowserSessions())));
    }

    /** The new key's plaintext is in this one response only; the page is no-store like every page. */
    private void keys(Context ctx, SignedIn in, Optional<CreatedApiKey> created) {
        ctx.html(templates.render("api_keys.jte", Map.of("chrome", in.chrome("API keys", "keys"),
                "keys", in.client().listApiKeys(), "created", created.map(CreatedApiKey::plaintextKey).orElse(""))));
    }
}
