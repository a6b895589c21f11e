package io.skyvern.server.artifact;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RouteGroup;

import java.io.InputStream;

/** GET /api/v1/artifacts/{id} (metadata) and /{id}/content (the bytes with their content type). */
public final class ArtifactRoutes implements RouteGroup {
    public static final String BASE = "/api/v1/artifacts";
    private final ArtifactService artifacts;

    public ArtifactRoutes(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(BASE + "/{artifact_id}", this::get);
        routes.get(BASE + "/{artifact_id}/content", this::content);
    }

    private void get(Context ctx) {
        ApiResponses.ok(ctx, ArtifactResponse.of(artifacts.get(RequestAttributes.organizationId(ctx),
                ctx.pathParam("artifact_id"))));
    }

    private void content(Context ctx) {
        String org = RequestAttributes.organizationId(ctx);
        Artifact artifact = artifacts.get(org, ctx.pathParam("artifact_id"));
        // Open first: content that is gone is a 404 without any header of the 200 already set.
        InputStream content = artifacts.openContent(org, artifact.artifactId());
        ctx.status(200).contentType(artifact.contentType())
                .header("Content-Length", String.valueOf(artifact.sizeBytes()))
                .result(content);
    }
}
