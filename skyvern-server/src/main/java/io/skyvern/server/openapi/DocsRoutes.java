package io.skyvern.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.common.Json;
import io.skyvern.server.http.RouteGroup;
import io.skyvern.server.web.WebJars;

import java.util.ArrayList;
import java.util.List;

/**
 * /openapi.json, /docs (Swagger UI) and /redoc (ReDoc), registered only outside production. Both
 * pages load their scripts from WebJars served by this server and read /openapi.json: no CDN, so
 * the docs work offline.
 */
public final class DocsRoutes implements RouteGroup {
    private final String documentJson;

    public DocsRoutes() {
        List<Operation> all = new ArrayList<>(ApiCatalog.operations());
        all.addAll(ApiCatalog.docsOperations());
        ObjectNode document = OpenApiDocument.build(all);
        try {
            this.documentJson = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the OpenAPI document", e);
        }
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(documentJson));
        routes.get("/docs", ctx -> ctx.html(SWAGGER_UI));
        routes.get("/redoc", ctx -> ctx.html(REDOC));
    }

    /** Swagger UI with "try it": the Authorize button takes the x-api-key. */
    private static final String SWAGGER_UI = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyvern API — docs</title>
            <link rel="stylesheet" href="%s"></head>
            <body><div id="swagger-ui"></div>
            <script src="%s"></script>
            <script>
            window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
              persistAuthorization: true});
            </script></body></html>
            """.formatted(WebJars.url("org.webjars", "swagger-ui", "swagger-ui.css"),
            WebJars.url("org.webjars", "swagger-ui", "swagger-ui-bundle.js"));

    private static final String REDOC = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyvern API — reference</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><redoc spec-url="/openapi.json"></redoc>
            <script src="%s"></script></body></html>
            """.formatted(WebJars.url("org.webjars.npm", "redoc", "bundles/redoc.standalone.js"));
}
