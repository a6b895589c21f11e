package io.skyvern.server.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.auth.OrganizationService;
import io.skyvern.client.LocalSkyvernClient;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.RouteGroup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard: {@code /} (sign-in, or a redirect to the runs) and the pages under {@code /ui}.
 * Each page acts as the signed-in organisation through its in-process {@link LocalSkyvernClient}, so it sees
 * exactly what the organisation's API key sees; another organisation's object is a 404 page.
 */
public final class DashboardRoutes implements RouteGroup {
    private final Sessions sessions;
    private final OrganizationService organizations;
    private final Function<String, LocalSkyvernClient> clients;
    private final Templates templates = new Templates();

    public DashboardRoutes(Sessions sessions, OrganizationService organizations, Function<String, LocalSkyvernClient> clients) {
        this.sessions = sessions;
        this.organizations = organizations;
        this.clients = clients;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::home);
        routes.post("/ui/sign-in", this::signIn);
        routes.post("/ui/sign-out", page((ctx, in) -> {
            sessions.signOut(ctx);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }));
        new RunPages(templates).register(routes, this::page);
        new WorkflowPages(templates).register(routes, this::page);
        new AccountPages(templates).register(routes, this::page);
    }

    private void home(Context ctx) {
        if (sessions.current(ctx).isPresent()) {
            ctx.redirect("/ui/runs", HttpStatus.SEE_OTHER);
            return;
        }
        signInPage(ctx, List.of());
    }

    private void signIn(Context ctx) {
        if (!sessions.signInTokenValid(ctx, ctx.formParam("_csrf"))) {
            refuse(ctx, HttpStatus.FORBIDDEN, "The form's CSRF token is missing or wrong: reload the page.");
            return;
        }
        try {
            if (sessions.signIn(ctx, ctx.formParam("api_key")).isPresent()) {
                ctx.redirect("/ui/runs", HttpStatus.SEE_OTHER);
                return;
            }
        } catch (SkyvernException limited) {
            ctx.status(limited.errorCode().httpStatus());
            signInPage(ctx, List.of(limited.getMessage()));
            return;
        }
        ctx.status(HttpStatus.UNAUTHORIZED);
        signInPage(ctx, List.of("That API key is not valid."));
    }

    private void signInPage(Context ctx, List<String> errors) {
        noStore(ctx);
        ctx.html(templates.render("signin.jte", Map.of("chrome", new Chrome("Sign in", "", "", "signin"),
                "csrf", sessions.signInToken(ctx), "errors", errors)));
    }

    /** Wraps a page: signed-in session required, CSRF token on every POST, errors as an HTML page. */
    Handler page(PageHandler handler) {
        return ctx -> {
            noStore(ctx);
            Optional<DashboardSession> session = sessions.current(ctx);
            if (session.isEmpty()) {
                if ("GET".equals(ctx.method().name())) {
                    ctx.redirect("/", HttpStatus.SEE_OTHER);
                } else {
                    refuse(ctx, HttpStatus.UNAUTHORIZED, "Sign in first.");
                }
                return;
            }
            if (!"GET".equals(ctx.method().name()) && !sessions.csrfValid(ctx, session.get())) {
                refuse(ctx, HttpStatus.FORBIDDEN, "The form's CSRF token is missing or wrong: reload the page.");
                return;
            }
            String organizationId = session.get().organizationId();
            SignedIn in = new SignedIn(session.get(), clients.apply(organizationId),
                    organizations.get(organizationId).name(), sessions.csrfToken(session.get()));
            try {
                handler.handle(ctx, in);
            } catch (SkyvernException e) {
                ctx.status(e.errorCode().httpStatus());
                ctx.html(templates.render("error.jte", Map.of("chrome", in.chrome("Error", ""),
                        "code", e.errorCode().code(), "message", e.getMessage(), "errors", e.errors())));
            }
        };
    }

    private void refuse(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        ctx.html(templates.render("error.jte", Map.of("chrome", new Chrome("Refused", "", "", ""),
                "code", status.name(), "message", message, "errors", List.of())));
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
    }
}
