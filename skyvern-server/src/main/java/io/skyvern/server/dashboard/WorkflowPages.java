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

/**
 * Workflows: list, create and edit (a YAML or JSON document; saving an edit stores a new version),
 * the YAML view with the run form, the run page and cancel. Validation errors and warnings are shown
 * at the lines they concern ({@link AnnotatedDocument}).
 */
final class WorkflowPages {
    private final Templates templates;

    WorkflowPages(Templates templates) {
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes, Function<PageHandler, Handler> page) {
        routes.get("/ui/workflows", page.apply(this::list));
        routes.post("/ui/workflows", page.apply(this::create));
        routes.get("/ui/workflows/{workflow_id}", page.apply((ctx, in) -> show(ctx, in, Map.of(), List.of())));
        routes.get("/ui/workflows/{workflow_id}/edit", page.apply(this::editForm));
        routes.post("/ui/workflows/{workflow_id}/edit", page.apply(this::update));
        routes.post("/ui/workflows/{workflow_id}/runs", page.apply(this::run));
        routes.get("/ui/workflows/{workflow_id}/runs/{run_id}", page.apply(this::runPage));
        routes.get("/ui/workflows/{workflow_id}/runs/{run_id}/status", page.apply(this::runStatus));
        routes.post("/ui/workflows/{workflow_id}/runs/{run_id}/cancel", page.apply(this::cancel));
    }

    private void list(Context ctx, SignedIn in) {
        listPage(ctx, in, AnnotatedDocument.empty(""));
    }

    private void listPage(Context ctx, SignedIn in, AnnotatedDocument document) {
        List<Workflow> workflows = in.client().listWorkflows(new WorkflowQuery(Optional.empty(), Optional.empty(),
                new PageRequest(1, 100))).items();
        ctx.html(templates.render("workflows.jte", Map.of("chrome", in.chrome("Workflows", "workflows"),
                "workflows", workflows, "document", document)));
    }

    private void create(Context ctx, SignedIn in) {
        String text = definition(ctx);
        try {
            SavedWorkflow saved = in.client().createWorkflow(parse(text));
            afterSave(ctx, in, saved, text);
        } catch (SkyvernException e) {
            ctx.status(e.errorCode().httpStatus());
            listPage(ctx, in, rejected(text, e));
        }
    }

    private void editForm(Context ctx, SignedIn in) {
        Workflow workflow = in.client().getWorkflow(ctx.pathParam("workflow_id"));
        editPage(ctx, in, workflow, AnnotatedDocument.empty(
                WorkflowDocuments.render(workflow, WorkflowDocuments.Format.YAML)), null);
    }

    /** Saves the edited document as the workflow's next version. */
    private void update(Context ctx, SignedIn in) {
        Workflow current = in.client().getWorkflow(ctx.pathParam("workflow_id"));
        String text = definition(ctx);
        try {
            SavedWorkflow saved = in.client().updateWorkflow(current.workflowId(), parse(text));
            afterSave(ctx, in, saved, text);
        } catch (SkyvernException e) {
            ctx.status(e.errorCode().httpStatus());
            editPage(ctx, in, current, rejected(text, e), null);
        }
    }

    /**
     * Without warnings, on to the workflow's page; with warnings, the editor again (saved, with a
     * notice) so the warnings show at their lines — a redirect would lose them.
     */
    private void afterSave(Context ctx, SignedIn in, SavedWorkflow saved, String text) {
        Workflow workflow = saved.workflow();
        if (saved.validation().warnings().isEmpty()) {
            ctx.redirect("/ui/workflows/" + workflow.workflowId(), HttpStatus.SEE_OTHER);
            return;
        }
        editPage(ctx, in, workflow, AnnotatedDocument.of(text, List.of(), saved.validation().warnings()),
                "Saved as version " + workflow.version() + ".");
    }

    private void editPage(Context ctx, SignedIn in, Workflow workflow, AnnotatedDocument document, String notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chrome", in.chrome("Edit " + workflow.title(), "workflows"));
        model.put("workflow", workflow);
        model.put("document", document);
        model.put("notice", notice);
        ctx.html(templates.render("workflow_edit.jte", model));
    }

    private static String definition(Context ctx) {
        return Optional.ofNullable(ctx.formParam("definition")).orElse("");
    }

    private static io.skyvern.workflow.WorkflowRequest parse(String text) {
        return WorkflowDocuments.parse(text, AnnotatedDocument.formatOf(text));
    }

    /** The document with the errors (and, when validation reported them, the warnings) in place. */
    private static AnnotatedDocument rejected(String text, SkyvernException e) {
        List<String> errors = e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors();
        List<String> warnings = e.details().get("warnings") instanceof List<?> w
                ? w.stream().map(String::valueOf).toList() : List.of();
        return AnnotatedDocument.of(text, errors, warnings);
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
