package io.skyvern.server.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.skyvern.common.Page;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.CancelReasons;
import io.skyvern.server.http.IdempotentCreate;
import io.skyvern.server.http.Mappers;
import io.skyvern.server.http.Pagination;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RequestValidationException;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;
import io.skyvern.server.http.Params;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.ValidationResult;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunStatus;
import io.skyvern.workflow.WorkflowService;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** /api/v1/workflows: parse (JSON or YAML), call {@link WorkflowService}, map to DTOs. */
public final class WorkflowRoutes implements ApiRouteGroup {
    static final String BASE = "/api/v1/workflows";
    private final WorkflowService workflows;
    /** When a run queued now likely starts (now while a worker is free). */
    private final Supplier<Instant> estimatedStart;
    private final Bodies bodies;
    private final IdempotentCreate idempotent;

    public WorkflowRoutes(WorkflowService workflows, Bodies bodies, IdempotentCreate idempotent,
                          Supplier<Instant> estimatedStart) {
        this.estimatedStart = estimatedStart;
        this.workflows = workflows;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Override
    public void register(ApiRoutes api) {
        Param wf = Param.path("workflow_id");
        Param run = Param.path("run_id");
        api.post(BASE, workflows("Create a workflow (JSON or YAML body)").params(Params.IDEMPOTENCY_KEY)
                .body(WorkflowBody.class).created().returns(WorkflowResponse.class).errors(400, 415, 422), this::create);
        api.get(BASE, workflows("List workflows (latest versions)").params(Params.PAGE).params(
                Param.query("search", "string", "Search in titles"),
                Param.query("is_active", "boolean", "Only active or inactive ones")).errors(422), this::list);
        api.get(BASE + "/{workflow_id}", workflows("Get a workflow (YAML with Accept: application/yaml)").params(wf,
                Param.query("version", "integer", "A stored version (default: the latest)"))
                .returns(WorkflowResponse.class).errors(404, 422), this::get);
        api.put(BASE + "/{workflow_id}", workflows("Store a new version of a workflow").params(wf)
                .body(WorkflowBody.class).returns(WorkflowResponse.class).errors(400, 404, 422), this::update);
        api.delete(BASE + "/{workflow_id}", workflows("Delete a workflow (runs stay readable)").params(wf)
                .errors(404), this::delete);
        api.post(BASE + "/{workflow_id}/runs", workflows("Start a run").params(wf, Params.IDEMPOTENCY_KEY)
                .body(StartRunBody.class).created().returns(WorkflowRunResponse.class)
                .errors(400, 404, 409, 422, 429), this::startRun);
        api.get(BASE + "/{workflow_id}/runs", workflows("List runs of a workflow").params(wf).params(Params.PAGE)
                .params(Param.repeatedQuery("status", "Filter by run status (repeatable)")
                        .oneOf(WorkflowRunStatus.values())).errors(404, 422), this::listRuns);
        api.get(BASE + "/{workflow_id}/runs/{run_id}", workflows("Get a run").params(wf, run,
                Param.query("include_blocks", "boolean", "Include block runs"),
                Param.query("include_logs", "boolean", "Include logs")).returns(WorkflowRunResponse.class)
                .errors(404, 422), this::getRun);
        api.get(BASE + "/{workflow_id}/runs/{run_id}/artifacts", workflows("List a run's artifacts (block "
                + "screenshots…; bytes at content_url)").params(wf, run).returnsList(ArtifactResponse.class)
                .errors(404), this::runArtifacts);
        api.post(BASE + "/{workflow_id}/runs/{run_id}/cancel", workflows("Cancel a run").params(wf, run)
                .body(CancelRunBody.class).returns(WorkflowRunResponse.class).errors(400, 404, 409, 422),
                this::cancelRun);
        api.get(BASE + "/{workflow_id}/analytics", workflows("Workflow analytics").params(wf).errors(404),
                this::analytics);
    }

    private static Operation workflows(String summary) {
        return Operation.of("workflows", summary);
    }

    private void create(Context ctx) {
        idempotent.handle(ctx, () -> {
            WorkflowBody body = bodies.read(ctx, WorkflowBody.class);
            SavedWorkflow saved = workflows.create(RequestAttributes.organizationId(ctx), body.toRequest());
            return new IdempotentCreate.Created(201, WorkflowResponse.of(saved.workflow()),
                    Map.of("validation", validation(saved.validation())));
        });
    }

    private void update(Context ctx) {
        WorkflowBody body = bodies.read(ctx, WorkflowBody.class);
        SavedWorkflow saved = workflows.update(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"),
                body.toRequest());
        ApiResponses.write(ctx, 200, WorkflowResponse.of(saved.workflow()),
                Map.of("validation", validation(saved.validation())), Map.of());
    }

    private void list(Context ctx) {
        Optional<Boolean> active = QueryParams.text(ctx, "is_active").map(v -> QueryParams.bool(ctx, "is_active"));
        WorkflowQuery query = new WorkflowQuery(QueryParams.text(ctx, "search"), active, QueryParams.page(ctx));
        Page<Workflow> page = workflows.list(RequestAttributes.organizationId(ctx), query);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workflows", page.items().stream().map(WorkflowResponse::of).toList());
        data.put("pagination", Pagination.of(page));
        ApiResponses.ok(ctx, data);
    }

    private void get(Context ctx) throws JsonProcessingException {
        int version = QueryParams.integer(ctx, "version", 0);
        if (ctx.queryParam("version") != null && version < 1) {
            throw RequestValidationException.of("version", "Expected a version number of 1 or more (got '"
                    + ctx.queryParam("version") + "')");
        }
        String id = ctx.pathParam("workflow_id");
        String org = RequestAttributes.organizationId(ctx);
        Workflow workflow = version == 0 ? workflows.get(org, id) : workflows.getVersion(org, id, version);
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("").toLowerCase(Locale.ROOT);
        if (accept.contains("application/yaml") || accept.contains("text/yaml")) {
            ctx.status(200).contentType("application/yaml")
                    .result(Mappers.yaml().writeValueAsString(WorkflowResponse.of(workflow)));
            return;
        }
        ApiResponses.ok(ctx, WorkflowResponse.of(workflow));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("workflow_id");
        workflows.delete(RequestAttributes.organizationId(ctx), id);
        ApiResponses.ok(ctx, Map.of("workflow_id", id, "deleted", true));
    }

    private void startRun(Context ctx) {
        idempotent.handle(ctx, () -> {
            StartRunBody body = bodies.read(ctx, StartRunBody.class);
            WorkflowRun run = workflows.startRun(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"),
                    body.toRequest());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("priority", run.priority().wireName());
            info.put("estimated_start_time", estimatedStart.get().toString());
            info.put("parameter_count", body.parameters().size());
            return new IdempotentCreate.Created(201, WorkflowRunResponse.of(run),
                    Map.of("execution_info", info));
        });
    }

    private void listRuns(Context ctx) {
        var statuses = QueryParams.repeated(ctx, "status", WorkflowRunStatus::parse);
        Page<WorkflowRun> page = workflows.listRuns(RequestAttributes.organizationId(ctx),
                ctx.pathParam("workflow_id"), new RunQuery(Set.copyOf(statuses), QueryParams.page(ctx)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runs", page.items().stream().map(WorkflowRunResponse::of).toList());
        data.put("pagination", Pagination.of(page));
        ApiResponses.ok(ctx, data);
    }

    private void getRun(Context ctx) {
        boolean blocks = QueryParams.bool(ctx, "include_blocks");
        boolean logs = QueryParams.bool(ctx, "include_logs");
        var details = workflows.getRun(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"),
                ctx.pathParam("run_id"), blocks, logs);
        ApiResponses.ok(ctx, WorkflowRunResponse.of(details, blocks, logs));
    }

    private void runArtifacts(Context ctx) {
        ApiResponses.ok(ctx, workflows.runArtifacts(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"),
                ctx.pathParam("run_id")).stream().map(ArtifactResponse::of).toList());
    }

    private void cancelRun(Context ctx) {
        String reason = bodies.readOptional(ctx, CancelRunBody.class).map(CancelRunBody::reason).orElse(null);
        CancelReasons.check(reason);
        WorkflowRun run = workflows.cancelRun(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"),
                ctx.pathParam("run_id"), reason);
        ApiResponses.ok(ctx, WorkflowRunResponse.of(run));
    }

    private void analytics(Context ctx) {
        var a = workflows.analytics(RequestAttributes.organizationId(ctx), ctx.pathParam("workflow_id"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workflow_id", a.workflowId());
        data.put("run_metrics", a.runMetrics());
        data.put("block_metrics", a.blockMetrics());
        data.put("generated_at", a.generatedAt());
        ApiResponses.ok(ctx, data);
    }

    private static Map<String, Object> validation(ValidationResult v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("is_valid", v.isValid());
        map.put("warnings", v.warnings());
        map.put("block_count", v.blockCount());
        map.put("parameter_count", v.parameterCount());
        return map;
    }
}
