package io.skyvern.server.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.common.Json;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowDocuments;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRunDetails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Workflows: list, create from YAML, YAML view with the run form, the run page and cancel. */
final class WorkflowPages {
    private final Templates templates;

    WorkflowPages(Templates templates) {
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes, Function<PageHandler, Handler> page) {
        routes.get("/ui/workflows", page.apply(this::list));
        routes.post("/ui/workflows", page.apply(this::create));
        routes.get("/ui/workflows/{workflow_id}", page.apply((ctx, in) -> show(ctx, in, Map.of(), List.of())));
        routes.post("/ui/workflows/{workflow_id}/runs", page.apply(this::run));
        routes.get("/ui/workflows/{workflow_id}/runs/{run_id}", page.apply(this::runPage));
        routes.get("/ui/workflows/{workflow_id}/runs/{run_id}/status", page.apply(this::runStatus));
        routes.post("/ui/workflows/{workflow_id}/runs/{run_id}/cancel", page.apply(this::cancel));
    }

    private void list(Context ctx, SignedIn in) {
        listPage(ctx, in, "", List.of(), List.of());
    }

    private void listPage(Context ctx, SignedIn in, String yaml, List<String> errors, List<String> warnings) {
        List<Workflow> workflows = in.client().listWorkflows(new WorkflowQuery(Optional.empty(), Optional.empty(),
                new PageRequest(1, 100))).items();
        ctx.html(templates.render("workflows.jte", Map.of("chrome", in.chrome("Workflows", "workflows"),
                "workflows", workflows, "yaml", yaml, "errors", errors, "warnings", warnings)));
    }

    private void create(Context ctx, SignedIn in) {
        String yaml = Optional.ofNullable(ctx.formParam("definition")).orElse("");
        try {
            SavedWorkflow saved = in.client().createWorkflow(
                    WorkflowDocuments.parse(yaml, WorkflowDocuments.Format.YAML));
            ctx.redirect("/ui/workflows/" + saved.workflow().workflowId(), HttpStatus.SEE_OTHER);
        } catch (SkyvernException e) {
            ctx.status(e.errorCode().httpStatus());
            listPage(ctx, in, yaml, e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors(), List.of());
        }
    }

    private void show(Context ctx, SignedIn in, Map<String, String> values, List<String> errors) {
        Workflow workflow = in.client().getWorkflow(ctx.pathParam("workflow_id"));
        List<RunRow> runs = in.client().listWorkflowRuns(workflow.workflowId(),
                new RunQuery(Set.of(), new PageRequest(1, 20))).items().stream()
                .map(r -> RunRow.of(r, workflow.title())).toList();
        ctx.html(templates.render("workflow.jte", Map.of("chrome", in.chrome(workflow.title(), "workflows"),
                "workflow", workflow, "yaml", WorkflowDocuments.render(workflow, WorkflowDocuments.Format.YAML),
                "fields", RunFormField.of(workflow.parameterSchema(), values), "errors", errors, "runs", runs)));
    }

    private void run(Context ctx, SignedIn in) {
        Workflow workflow = in.client().getWorkflow(ctx.pathParam("workflow_id"));
        Map<String, String> values = new LinkedHashMap<>();
        List<RunFormField> fields = RunFormField.of(workflow.parameterSchema(), Map.of());
        fields.forEach(f -> values.put(f.name(), Optional.ofNullable(ctx.formParam("p." + f.name())).orElse("")));
        try {
            ObjectNode parameters = RunFormField.parameters(fields, values);
            var started = in.client().startWorkflowRun(workflow.workflowId(),
                    new StartRunRequest(parameters, null, null, null, null));
            ctx.redirect("/ui/workflows/" + workflow.workflowId() + "/runs/" + started.workflowRunId(),
                    HttpStatus.SEE_OTHER);
        } catch (SkyvernException e) {
            ctx.status(e.errorCode().httpStatus());
            show(ctx, in, values, e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors());
        }
    }

    private void runPage(Context ctx, SignedIn in) {
        WorkflowRunDetails details = in.client().getWorkflowRun(ctx.pathParam("workflow_id"),
                ctx.pathParam("run_id"), true, true);
        Workflow workflow = in.client().getWorkflow(details.run().workflowId());
        ctx.html(templates.render("workflow_run.jte", Map.of("chrome", in.chrome("Run " + details.run().workflowRunId(),
                "runs"), "details", details, "row", RunRow.of(details.run(), workflow.title()),
                "parameters", JsonText.pretty(JsonText.masked(details.run().parameters())),
                "output", JsonText.pretty(details.run().output()))));
    }

    private void runStatus(Context ctx, SignedIn in) {
        WorkflowRunDetails details = in.client().getWorkflowRun(ctx.pathParam("workflow_id"),
                ctx.pathParam("run_id"), false, false);
        ctx.html(templates.render("status.jte", Map.of("row", RunRow.of(details.run(), ""))));
    }

    private void cancel(Context ctx, SignedIn in) {
        String workflowId = ctx.pathParam("workflow_id");
        String runId = ctx.pathParam("run_id");
        in.client().cancelWorkflowRun(workflowId, runId, "Canceled from the dashboard");
        ctx.redirect("/ui/workflows/" + workflowId + "/runs/" + runId, HttpStatus.SEE_OTHER);
    }

    static String pretty(Object value) {
        return JsonText.pretty(Json.mapper().valueToTree(value));
    }
}
