package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.ElementDescriptor;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.PageState;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The act phase of a step: runs the model's actions in order and reports each one. It stops early
 * when the run must stop (cancel, deadline), when an action fails (the rest was planned for a page
 * that did not react as expected), and when the page changes under the plan ({@link PageChangeGuard});
 * actions it did not run are recorded as such, so the model reads why. What the page did on its own
 * meanwhile (a tab opened, a dialog answered, a download saved) is appended to the action's result.
 * {@code complete} is checked by the {@link CompletionVerifier} first; a rejection is a failed
 * action and the run goes on. Thread-safe; a run is acted on by one thread.
 */
final class StepActor {
    private final Extractor extractor;
    private final CompletionVerifier verifier;
    private final AgentOptions options;
    private final Function<AgentRun, Optional<AgentResult>> stopCheck;
    private final PageChangeGuard guard = new PageChangeGuard();

    StepActor(Extractor extractor, CompletionVerifier verifier, AgentOptions options,
              Function<AgentRun, Optional<AgentResult>> stopCheck) {
        this.extractor = extractor;
        this.verifier = verifier;
        this.options = options;
        this.stopCheck = stopCheck;
    }

    StepEnd act(String stepId, List<Action> actions, AgentLoop.Observation seen, AgentRun run, StepMeter meter) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        JsonNode output = null;
        PageState before = pageState(run).orElse(null);
        run.script.startStep(seen.snapshot().url(), seen.snapshot().title());
        for (int i = 0; i < actions.size(); i++) {
            Optional<AgentResult> stop = stopCheck.apply(run);
            if (stop.isPresent()) {
                return StepEnd.ended(false, "Stopped: " + stop.get().getClass().getSimpleName(), null, outcomes, stop.get());
            }
            Action action = redacted(actions.get(i), run.secrets);
            if (action instanceof Action.Complete complete) {
                return complete(stepId, i, complete, outcomes.isEmpty() ? seen : null, run, meter, outcomes);
            }
            if (action instanceof Action.Terminate terminate) {
                ActionOutcome outcome = ActionOutcome.ok(action, "terminated", 0);
                run.recorder.action(stepId, i, action, outcome);
                outcomes.add(outcome);
                String code = terminate.errorCode() != null && run.goal.errorCodeMapping().containsKey(terminate.errorCode())
                        ? terminate.errorCode() : null;
                return StepEnd.ended(true, null, null, outcomes,
                        new AgentResult.Terminated(terminate.reason(), code, run.usage));
            }
            long a0 = System.nanoTime();
            ActionOutcome outcome;
            ElementDescriptor element = null;
            if (action instanceof Action.Extract) {
                Extractor.Extraction extraction = extract(stepId, run, meter);
                output = extraction.data();
                outcome = extraction.succeeded() ? ActionOutcome.ok(action, "extracted", AgentLoop.millisSince(a0))
                        : ActionOutcome.failed(action, extraction.failureReason(), AgentLoop.millisSince(a0));
            } else {
                element = describe(action, run).orElse(null);
                outcome = withEvents(run.executor.execute(action, run.session, run.secrets, run.uploads), stepId, run);
            }
            meter.action(outcome.durationMs());
            AgentLoop.stopIfInterrupted();
            run.recorder.action(stepId, i, action, outcome);
            outcome.download().ifPresent(file -> run.recorder.artifact(stepId, ArtifactType.DOWNLOAD, readAll(file)));
            outcomes.add(outcome);
            if (outcome.success()) {
                run.script.add(scripted(action, element, run));
            }
            if (!outcome.success()) {
                skipRest(stepId, actions, i + 1, "an earlier action of this step failed", run, outcomes);
                break;
            }
            if (i + 1 < actions.size() && mayChangePage(action)) {
                Optional<PageState> after = pageState(run);
                Optional<String> change = after.isEmpty() || before == null ? Optional.of("the page is changing")
                        : guard.change(before, after.get());
                if (change.isPresent()) {
                    skipRest(stepId, actions, i + 1, change.get(), run, outcomes);
                    break;
                }
                before = after.get();
            }
        }
        return StepEnd.continued(outcomes, output);
    }

    private StepEnd complete(String stepId, int order, Action.Complete complete, AgentLoop.Observation current,
                             AgentRun run, StepMeter meter, List<ActionOutcome> outcomes) {
        if (options.verifyCompletion()) {
            Optional<String> rejection = verify(stepId, complete, current, run, meter);
            if (rejection.isPresent()) {
                ActionOutcome rejected = ActionOutcome.failed(complete, "The goal is not met yet: " + rejection.get(), 0);
                run.recorder.action(stepId, order, complete, rejected);
                run.recorder.log("INFO", "Completion rejected by the check: " + rejection.get());
                outcomes.add(rejected);
                return StepEnd.continued(outcomes, null);
            }
        }
        return completed(stepId, order, complete, run, meter, outcomes);
    }

    /** Ends the run on an accepted {@code complete} (checked, or replayed): records it, then extracts if asked. */
    StepEnd completed(String stepId, int order, Action.Complete complete, AgentRun run, StepMeter meter,
                      List<ActionOutcome> outcomes) {
        ActionOutcome done = ActionOutcome.ok(complete, "goal complete", 0);
        run.recorder.action(stepId, order, complete, done);
        run.script.add(ScriptAction.of(complete, null, null));
        outcomes.add(done);
        if (!run.goal.wantsExtraction()) {
            return StepEnd.ended(true, null, null, outcomes, new AgentResult.Completed(null, run.usage));
        }
        Extractor.Extraction extraction = extract(stepId, run, meter);
        AgentResult result = extraction.succeeded() ? new AgentResult.Completed(extraction.data(), run.usage)
                : new AgentResult.Failed(extraction.failureReason(), run.usage);
        // the step whose extraction failed failed, like the run it ends
        return StepEnd.ended(extraction.succeeded(), extraction.failureReason(), extraction.data(), outcomes, result);
    }

    /** The check's reason when it rejects the completion; empty when it confirms it (or could not judge). */
    private Optional<String> verify(String stepId, Action.Complete complete, AgentLoop.Observation current,
                                    AgentRun run, StepMeter meter) {
        PageSnapshot snapshot = current != null ? current.snapshot() : run.session.snapshot();
        String tree = current != null ? current.tree() : run.secrets.redact(snapshot.renderedTree());
        byte[] screenshot = !options.vision() ? null : current != null ? current.screenshot() : run.session.screenshot();
        String history = run.history.renderSteps();
        long l0 = System.nanoTime();
        CompletionVerifier.Verdict verdict;
        try {
            verdict = verifier.verify(new CompletionVerifier.Evidence(run.goal.navigationGoal(),
                    run.secrets.redact(String.valueOf(complete.reasoning())), history, snapshot.url(), snapshot.title(),
                    tree), screenshot);
        } catch (SkyvernException e) {
            run.recorder.log("WARN", "The completion check could not run; the model's complete stands: "
                    + run.secrets.redact(e.getMessage()));
            return Optional.empty();
        }
        meter.llmMillis(AgentLoop.millisSince(l0));
        meter.add(verdict.inputTokens(), verdict.outputTokens(), verdict.cost());
        run.addUsage(verdict.inputTokens(), verdict.outputTokens(), verdict.cost());
        run.recorder.artifact(stepId, ArtifactType.LLM_PROMPT, AgentLoop.utf8(verdict.prompt()));
        run.recorder.artifact(stepId, ArtifactType.LLM_RESPONSE, AgentLoop.utf8(run.secrets.redact(verdict.answer())));
        if (verdict.goalMet()) {
            return Optional.empty();
        }
        String reason = run.secrets.redact(verdict.reason());
        return Optional.of(reason.isBlank() ? "the check found the goal unmet" : reason);
    }

    Extractor.Extraction extract(String stepId, AgentRun run, StepMeter meter) {
        PageSnapshot snapshot = run.session.snapshot();
        AgentGoal goal = run.goal;
        String goalText = goal.wantsExtraction() ? goal.dataExtractionGoal() : goal.navigationGoal();
        long l0 = System.nanoTime();
        Extractor.Extraction extraction = extractor.extract(goalText, goal.extractedInformationSchema(), snapshot.url(),
                run.secrets.redact(snapshot.renderedTree()), run.secrets);
        meter.llmMillis(AgentLoop.millisSince(l0));
        meter.add(extraction.inputTokens(), extraction.outputTokens(), extraction.cost());
        run.addUsage(extraction.inputTokens(), extraction.outputTokens(), extraction.cost());
        extraction.prompts().forEach(p -> run.recorder.artifact(stepId, ArtifactType.LLM_PROMPT, AgentLoop.utf8(p)));
        extraction.answers().forEach(a -> run.recorder.artifact(stepId, ArtifactType.EXTRACTION, AgentLoop.utf8(a)));
        return extraction;
    }

    private static void skipRest(String stepId, List<Action> actions, int from, String why, AgentRun run,
                                 List<ActionOutcome> outcomes) {
        for (int k = from; k < actions.size(); k++) {
            Action skipped = redacted(actions.get(k), run.secrets);
            ActionOutcome outcome = ActionOutcome.failed(skipped, "not run: " + why + "; look at the page again", 0);
            run.recorder.action(stepId, k, skipped, outcome);
            outcomes.add(outcome);
        }
    }

    /**
     * The element's durable descriptor, taken before the action runs (a click may take the element
     * away); empty for actions without an element or when the page cannot say (the action still runs).
     */
    static Optional<ElementDescriptor> describe(Action action, AgentRun run) {
        String elementId = ActionInputs.elementId(action);
        if (elementId == null) {
            return Optional.empty();
        }
        try {
            return run.session.describe(elementId).map(d -> redacted(d, run.secrets));
        } catch (SkyvernException e) {
            return Optional.empty();   // the action reports the element's trouble itself
        }
    }

    /**
     * Keeps a screenshot of the current tab as the step's {@code type} artifact; a page that cannot
     * be captured (it closed, it is navigating) costs a warning in the run's log, not the step.
     */
    static void keepScreenshot(String stepId, int stepNumber, ArtifactType type, AgentRun run) {
        try {
            if (!run.session.closed()) {
                run.recorder.artifact(stepId, type, run.session.screenshot());
            }
        } catch (SkyvernException e) {
            run.recorder.log("WARN", "No screenshot " + (type == ArtifactType.SCREENSHOT_AFTER ? "after" : "before")
                    + " step " + stepNumber + ": " + run.secrets.redact(e.getMessage()));
        }
    }

    /** The descriptor with any real secret the page showed (a label, nearby text) replaced by its placeholder. */
    static ElementDescriptor redacted(ElementDescriptor d, PayloadSecrets secrets) {
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
        d.attributes().forEach((k, v) -> attributes.put(k, secrets.redact(v)));
        return new ElementDescriptor(d.role(), secrets.redact(d.name()), d.tag(), secrets.redact(d.label()),
                secrets.redact(d.placeholder()), secrets.redact(d.text()), attributes, secrets.redact(d.cssPath()),
                secrets.redact(d.xpath()), d.framePath().stream().map(secrets::redact).toList(),
                secrets.redact(d.nearText()), d.frameUrls().stream().map(secrets::redact).toList());
    }

    /** The action as a script keeps it: input_text names the payload key its text came from. */
    static ScriptAction scripted(Action action, ElementDescriptor element, AgentRun run) {
        String key = action instanceof Action.InputText input
                ? PayloadKeys.keyOf(input.text(), run.goal.navigationPayload()).orElse(null) : null;
        return ScriptAction.of(action, element, key);
    }

    /** Answering a future dialog, waiting for data or extracting leaves the page as it was. */
    private static boolean mayChangePage(Action action) {
        return !(action instanceof Action.HandleDialog || action instanceof Action.Extract);
    }

    private static Optional<PageState> pageState(AgentRun run) {
        try {
            return Optional.of(run.session.pageState());
        } catch (SkyvernException e) {
            return Optional.empty();   // mid-navigation: the guard treats the page as changed
        }
    }

    /** The outcome with what the page did meanwhile appended to its message. */
    static ActionOutcome withEvents(ActionOutcome outcome, String stepId, AgentRun run) {
        List<String> events = report(run.session.drainEvents(), stepId, run);
        if (events.isEmpty()) {
            return outcome;
        }
        return new ActionOutcome(outcome.action(), outcome.success(), outcome.message() + "; " + String.join("; ", events),
                outcome.durationMs(), outcome.download());
    }

    /** Events as the model reads them (redacted); downloads they announce become artifacts of the step. */
    static List<String> report(List<BrowserEvent> events, String stepId, AgentRun run) {
        List<String> lines = new ArrayList<>(events.size());
        for (BrowserEvent event : events) {
            if (event instanceof BrowserEvent.DownloadSaved saved) {
                run.recorder.artifact(stepId, ArtifactType.DOWNLOAD, readAll(saved.file()));
            }
            String line = run.secrets.redact(event.describe());
            lines.add(line);
            run.recorder.log("INFO", "Page event: " + line);
        }
        return lines;
    }

    /** The action as recorded: any real secret the model typed is replaced by its placeholder. */
    static Action redacted(Action action, PayloadSecrets secrets) {
        if (action instanceof Action.InputText input) {
            return new Action.InputText(input.elementId(), secrets.redact(input.text()), input.reasoning());
        }
        if (action instanceof Action.HandleDialog dialog) {
            return new Action.HandleDialog(dialog.accept(), secrets.redact(dialog.text()), dialog.reasoning());
        }
        return action;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return AgentLoop.utf8("download could not be read: " + e.getMessage());
        }
    }
}
