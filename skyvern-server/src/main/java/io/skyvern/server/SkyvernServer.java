package io.skyvern.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.Skyvern;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.dashboard.DashboardRoutes;
import io.skyvern.server.dashboard.Sessions;
import io.skyvern.server.error.ErrorResponder;
import io.skyvern.server.error.JettyErrorHandler;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.IdempotentCreate;
import io.skyvern.server.http.NulGuard;
import io.skyvern.server.http.RequestValidationException;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.UnreadBodyDrain;
import io.skyvern.server.middleware.AuthHandler;
import io.skyvern.server.middleware.ClientAddress;
import io.skyvern.server.middleware.FailedAuthLimiter;
import io.skyvern.server.middleware.CorsHandler;
import io.skyvern.server.middleware.MiddlewareChain;
import io.skyvern.server.middleware.ProcessTimeHandler;
import io.skyvern.server.middleware.RateLimitHandler;
import io.skyvern.server.middleware.RequestIdHandler;
import io.skyvern.server.middleware.RequestLogHandler;
import io.skyvern.server.openapi.DocsRoutes;
import io.skyvern.server.ops.HealthRoutes;
import io.skyvern.server.artifact.ArtifactRoutes;
import io.skyvern.server.browsersession.BrowserSessionRoutes;
import io.skyvern.server.ops.HttpMetrics;
import io.skyvern.server.org.OrganizationRoutes;
import io.skyvern.server.liveview.LiveViewRoutes;
import io.skyvern.server.login.LoginRoutes;
import io.skyvern.server.script.ScriptRoutes;
import io.skyvern.server.mcp.McpEndpoint;
import io.skyvern.server.task.TaskRoutes;
import io.skyvern.server.workflow.WorkflowRoutes;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The REST server: Javalin with the middleware chain, the endpoint groups and one error mapping.
 * {@link #start} binds, runs the first-start bootstrap and returns a handle; {@link #close} stops
 * it at once, {@link #stop(Duration)} drains the requests in flight first (the {@link Skyvern}
 * instance stays the caller's to close).
 */
public final class SkyvernServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SkyvernServer.class);
    /**
     * During a graceful stop Jetty gives every open connection this idle timeout (its default is
     * 1 s). It closes idle keep-alive connections, which the drain waits for, but it also applies
     * to a request whose body is still arriving: with 1 s, an upload that had paused for a second
     * when the stop began was cut at once. 5 s keeps slow clients' requests alive and still closes
     * idle connections well within the grace period.
     */
    private static final long DRAIN_IDLE_TIMEOUT_MILLIS = 5_000;

    private final Javalin app;
    private final GracefulHandler graceful;
    private final Optional<Path> credentialsFile;

    private SkyvernServer(Javalin app, GracefulHandler graceful, Optional<Path> credentialsFile) {
        this.app = app;
        this.graceful = graceful;
        this.credentialsFile = credentialsFile;
    }

    public static SkyvernServer start(Skyvern skyvern, ServerConfig serverConfig) {
        Objects.requireNonNull(skyvern, "skyvern");
        Objects.requireNonNull(serverConfig, "serverConfig");
        Optional<Path> credentials = Bootstrap.ensure(skyvern.organizations(), skyvern.config().dataDir(),
                serverConfig.bootstrapApiKey());
        Bootstrap.warnIfCredentialsRevoked(skyvern.organizations(), skyvern.config().dataDir());
        // Counts the requests in flight, and answers 503 to new ones once a graceful stop began.
        GracefulHandler graceful = new GracefulHandler();
        Javalin app = Javalin.create(config -> {
            configure(config, skyvern, serverConfig);
            config.jetty.modifyServer(jetty -> jetty.setHandler(graceful));  // Javalin nests its context inside
        }).start();
        return new SkyvernServer(app, graceful, credentials);
    }

    private static void configure(JavalinConfig config, Skyvern skyvern, ServerConfig server) {
        boolean production = skyvern.config().env().isProduction();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = server.host();
        config.jetty.port = server.port();
        config.http.maxRequestSize = server.maxBodyBytes();
        config.http.prefer405over404 = true;
        CompressionStrategy compression = new CompressionStrategy(null, new Gzip(6));
        compression.setDefaultMinSizeForCompression(1000);
        config.http.compressionStrategy = compression;
        config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.router.ignoreTrailingSlashes = true;
        config.staticFiles.enableWebjars();  // /webjars/…: Swagger UI, ReDoc, htmx, Pico CSS (see web.WebJars)
        // Requests Jetty refuses before routing (bad request line, 414, 431) get the JSON envelope too.
        config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyErrorHandler()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrorHandler()));

        HttpMetrics metrics = new HttpMetrics();
        Bodies bodies = new Bodies(server.maxBodyBytes());
        ErrorResponder errors = new ErrorResponder(production);
        JavalinDefaultRoutingApi routes = config.routes;
        // The request id first: even a refused CORS preflight (403) carries one in its envelope and log line.
        // Each chain is one Javalin handler (see MiddlewareChain for why), its handlers run in this order.
        routes.before(MiddlewareChain.before(
                new RequestIdHandler(),
                new ClientAddress(server.trustedProxies()),
                new CorsHandler(server.allowedOrigins(), production),
                ProcessTimeHandler.start(),
                new RateLimitHandler(server.rateLimitPerMinute())));
        // One failed-key budget per address for the API and the dashboard's sign-in form alike.
        FailedAuthLimiter failedAuth = new FailedAuthLimiter(server.rateLimitPerMinute());
        Sessions sessions = Sessions.create(skyvern.organizations(), failedAuth, skyvern.config().dataDir());
        // Matched routes only: AuthHandler acts on the Access role that ApiRoutes gives each
        // authenticated operation (the API and /mcp), not on a path prefix.
        routes.beforeMatched(MiddlewareChain.before(
                new AuthHandler(skyvern.organizations(), failedAuth, sessions),
                new NulGuard()));
        ApiRoutes api = new ApiRoutes(routes);
        for (ApiRouteGroup group : groups(skyvern, bodies, metrics)) {
            group.register(api);
        }
        new McpEndpoint(skyvern::client).register(api);
        if (!production) {
            new DocsRoutes(() -> config.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(parsed -> parsed.endpoint).toList()).register(api);
        }
        new DashboardRoutes(sessions, skyvern.organizations(), skyvern::client).register(routes);
        routes.exception(SkyvernException.class, errors::skyvern);
        routes.exception(RequestValidationException.class, errors::validation);
        routes.exception(HttpResponseException.class, errors::http);
        routes.exception(Exception.class, errors::unexpected);
        routes.after(MiddlewareChain.after(
                new UnreadBodyDrain(server.maxBodyBytes()),
                ProcessTimeHandler.finish(),
                new RequestLogHandler(),
                metrics));
    }

    private static List<ApiRouteGroup> groups(Skyvern skyvern, Bodies bodies, HttpMetrics metrics) {
        IdempotentCreate idempotent = new IdempotentCreate(skyvern.idempotency(), bodies);
        return List.of(
                new HealthRoutes(skyvern, metrics, skyvern.config().env().isProduction()),
                new TaskRoutes(skyvern.tasks(), bodies, idempotent),
                new ArtifactRoutes(skyvern.artifacts()),
                new BrowserSessionRoutes(skyvern.browserSessions(), bodies),
                new WorkflowRoutes(skyvern.workflows(), bodies, idempotent, skyvern::estimatedStartTime),
                new OrganizationRoutes(skyvern.organizations(), bodies),
                new LoginRoutes(skyvern.credentials(), skyvern.totpCodes(), bodies),
                new ScriptRoutes(skyvern.scripts(), skyvern.tasks()),
                new LiveViewRoutes(skyvern.liveView()));
    }

    public int port() {
        return app.port();
    }

    /** The credentials file written at first start, if this start created the bootstrap organisation. */
    public Optional<Path> credentialsFile() {
        return credentialsFile;
    }

    /** Method and path template of every registered endpoint, e.g. {@code GET /api/v1/tasks/{task_id}}. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** Stops at once: open connections are closed, requests in flight are cut. */
    @Override
    public void close() {
        jetty().setStopTimeout(0);  // 0 skips Jetty's graceful phase
        app.stop();
    }

    /**
     * Graceful stop. The listening socket closes at once, so new connections are refused by the
     * operating system; a new request on a connection that was already open is answered 503 and
     * the connection closed; requests in flight get up to {@code drain} to finish, as long as their
     * connection does not sit idle for 5 s; idle keep-alive connections are closed after 5 s. Then
     * the rest is cut.
     * Returns true when no request was cut.
     */
    public boolean stop(Duration drain) {
        Objects.requireNonNull(drain, "drain");
        long start = System.nanoTime();
        LOG.info("shutdown: refusing new connections; {} HTTP request(s) in flight, waiting up to {} s for them",
                graceful.getCurrentRequestCount(), drain.toMillis() / 1000.0);
        jetty().setStopTimeout(Math.max(1, drain.toMillis()));  // 0 would skip the graceful phase
        for (Connector connector : jetty().getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setShutdownIdleTimeout(Math.min(DRAIN_IDLE_TIMEOUT_MILLIS, Math.max(1, drain.toMillis())));
            }
        }
        app.stop();
        long cut = graceful.getCurrentRequestCount();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (cut == 0) {
            LOG.info("shutdown: HTTP server stopped after {} ms, every request answered", millis);
        } else {
            LOG.warn("shutdown: HTTP server stopped after {} ms, {} request(s) still running were cut", millis, cut);
        }
        return cut == 0;
    }

    private Server jetty() {
        return app.jettyServer().server();
    }
}
