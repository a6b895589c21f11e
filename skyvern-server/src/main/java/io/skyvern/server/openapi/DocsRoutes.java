package io.skyvern.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.common.Json;
import io.skyvern.server.http.RouteGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * /openapi.json, /docs and /redoc (registered only outside production). The pages are
 * self-contained HTML that fetch /openapi.json and list the operations: no CDN is loaded, so the
 * docs work offline.
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
        routes.get("/docs", ctx -> ctx.html(page("Skyvern API — docs")));
        routes.get("/redoc", ctx -> ctx.html(page("Skyvern API — reference")));
    }

    private static String page(String title) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;margin:2em}code{background:#eee;padding:2px 4px}
                .op{margin:.6em 0}.m{display:inline-block;width:5em;font-weight:bold}</style></head>
                <body><h1>%s</h1><p>Machine-readable document: <a href="/openapi.json">/openapi.json</a>.
                Authenticate with the <code>x-api-key</code> header.</p><div id="ops">Loading…</div>
                <script>
                fetch('/openapi.json').then(r => r.json()).then(doc => {
                  const out = [];
                  for (const [path, item] of Object.entries(doc.paths)) {
                    for (const [method, op] of Object.entries(item)) {
                      const params = (op.parameters || []).map(p => p.name + ' (' + p.in + ')').join(', ');
                      out.push('<div class="op"><span class="m">' + method.toUpperCase() + '</span><code>' + path
                        + '</code> — ' + op.summary + (params ? '<br><small>' + params + '</small>' : '') + '</div>');
                    }
                  }
                  document.getElementById('ops').innerHTML = out.join('');
                });
                </script></body></html>
                """.formatted(title, title);
    }
}
