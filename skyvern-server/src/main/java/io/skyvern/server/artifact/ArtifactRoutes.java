package io.skyvern.server.artifact;

import io.javalin.http.Context;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;

import java.io.InputStream;

/** GET /api/v1/artifacts/{id} (metadata) and /{id}/content (the bytes with their content type). */
public final class ArtifactRoutes implements ApiRouteGroup {
    public static final String BASE = "/api/v1/artifacts";
    private final ArtifactService artifacts;

    public ArtifactRoutes(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void register(ApiRoutes api) {
        Param id = Param.path("artifact_id");
        api.get(BASE + "/{artifact_id}", Operation.of("artifacts", "An artifact's metadata").params(id)
                .returns(ArtifactResponse.class).errors(404), this::get);
        api.get(BASE + "/{artifact_id}/content", Operation.of("artifacts", "An artifact's bytes, with its content "
                + "type").params(id).errors(404), this::content);
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
