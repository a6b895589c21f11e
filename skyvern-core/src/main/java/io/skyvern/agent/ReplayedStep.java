package io.skyvern.agent;

import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.ElementDescriptor;
import io.skyvern.browser.PageAddress;
import io.skyvern.browser.SettleReport;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one recorded step of a script without the model: waits (briefly) for the page the step
 * expects, by its URL alone (no snapshot), checks that the step's first element is there (otherwise
 * no step is taken and the caller heals), then runs the recorded actions, each on the element its descriptor
 * finds. It stops at the first action whose element is not found uniquely or that fails, and says
 * why (the miss). Records the step as {@code replayed}. Thread-safe; a run uses it from one thread.
 */
final class ReplayedStep {
    /** How long a step waits for the page it expects (a navigation the previous step started), and how often it looks. */
    private static final long ARRIVAL_MS = 1_500;
    private static final long ARRIVAL_POLL_MS = 25;
    /** How long a missing element is looked for at once, and how often: a page that just loaded is still rendering. */
    private static final long QUICK_FIND_MS = 300;
    private static final long FIND_POLL_MS = 25;
    /** Looks after the page settled (its requests answered, its DOM quiet), and how far apart. */
    private static final int SETTLED_FIND_TRIES = 2;
    private static final long SETTLED_FIND_PAUSE_MS = 100;

    private final StepActor actor;
    private final ActionParser parser;

    /** Whether a step was recorded, the run's result if the step ended it, and why the replay stopped short. */
    record Attempt(boolean stepTaken, Optional<AgentResult> end, Optional<String> miss) {
        static Attempt missed(String why) {
            return new Attempt(false, Optional.empty(), Optional.of(why));
        }
    }

    ReplayedStep(StepActor actor, ActionParser parser) {
        this.actor = actor;
        this.parser = parser;
    }

    Attempt run(int stepNumber, ScriptStep planned, AgentRun run) {
        StepMeter meter = new StepMeter();
        long t0 = System.nanoTime();
        String url = arrive(planned.url(), run);
        meter.snapshot(AgentLoop.millisSince(t0), SettleReport.NONE);
        if (!PageAddress.same(planned.url(), url)) {
            return Attempt.missed("the page is " + url + " where the script expects " + planned.url());
        }
        List<ScriptAction> actions = planned.actions();
        Optional<String> firstId = Optional.empty();
        if (!actions.isEmpty() && actions.get(0).element() != null) {
            firstId = find(actions.get(0).element(), run);
            if (firstId.isEmpty()) {
                return Attempt.missed("no unique element for " + name(actions.get(0)));
            }
        }
        String stepId = run.recorder.startStep(stepNumber, url);
        run.usage = run.usage.plusStep();
        run.script.startStep(planned.url(), planned.title());
        StepActor.report(run.session.drainEvents(), stepId, run);
        List<ActionOutcome> outcomes = new ArrayList<>();
        StepEnd end = StepEnd.failed("The step stopped unexpectedly", List.of());
        try {
            String miss = null;
            for (int i = 0; i < actions.size() && miss == null; i++) {
                ScriptAction recorded = actions.get(i);
                if (recorded.actionType().equals(ActionType.COMPLETE.wireName())) {
                    // before the extraction: its snapshot waits for the page to be quiet anyway, and
                    // the time the screenshot takes counts towards that wait
                    StepActor.keepScreenshot(stepId, stepNumber, ArtifactType.SCREENSHOT_BEFORE, run);
                    end = actor.completed(stepId, i, (Action.Complete) recorded.toAction(null, null, parser), run,
                            meter, outcomes);
                    return new Attempt(true, end.runResult(), Optional.empty());
                }
                Optional<String> elementId = recorded.element() == null ? Optional.empty()
                        : i == 0 ? firstId : find(recorded.element(), run);
                miss = elementId.isEmpty() && recorded.element() != null ? "no unique element for " + name(recorded)
                        : runOne(stepId, i, recorded, elementId.orElse(null), run, meter, outcomes);
            }
            end = new StepEnd(true, miss == null ? null : "Replay stopped: " + miss, null, outcomes, Optional.empty());
            return new Attempt(true, Optional.empty(), Optional.ofNullable(miss));
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                screenshotAfter(stepId, stepNumber, end, run);
                run.recorder.finishStep(stepId, meter.result(end.completed(), end.failureReason(), end.output(), false,
                        StepResult.REPLAYED));
                run.history.add(stepNumber, url, end.outcomes(), "");
                run.script.endStep(StepResult.REPLAYED);
            }
        }
    }

    /**
     * The page after a replayed step that stopped short (the page the heal starts from); the final
     * page is kept before the extraction (see the {@code complete} action). A step that went as
     * recorded keeps its actions and timings but no screenshot: the run that recorded the script
     * has them, and one per step would cost a tenth of a replay's time (the bench's figures).
     */
    private static void screenshotAfter(String stepId, int stepNumber, StepEnd end, AgentRun run) {
        if (end.runResult().isEmpty() && end.failureReason() != null) {
            StepActor.keepScreenshot(stepId, stepNumber, ArtifactType.SCREENSHOT_AFTER, run);
        }
    }

    /**
     * The current tab's URL once it is the page the step expects, or whatever it is when the wait
     * ({@link #ARRIVAL_MS}) ran out. Only the URL is read (no round trip to the page): a replay
     * needs no snapshot, and the element search that follows waits for the element itself, so a
     * settled page would only cost the time it takes to settle.
     */
    private String arrive(String expected, AgentRun run) {
        long deadline = System.nanoTime() + ARRIVAL_MS * 1_000_000;
        while (true) {
            String url = safeUrl(run);
            if (PageAddress.same(expected, url) || System.nanoTime() > deadline) {
                return url;
            }
            run.session.waitFor(java.time.Duration.ofMillis(ARRIVAL_POLL_MS));
        }
    }

    private static String safeUrl(AgentRun run) {
        try {
            return run.session.currentUrl();
        } catch (SkyvernException e) {
            return "";   // mid-navigation: look again
        }
    }

    /** Runs one recorded action on {@code elementId}; null when it succeeded, else why not. */
    private String runOne(String stepId, int order, ScriptAction recorded, String elementId, AgentRun run,
                          StepMeter meter, List<ActionOutcome> outcomes) {
        String text = null;
        if (recorded.payloadKey() != null) {
            text = PayloadKeys.valueOf(recorded.payloadKey(), recorded.text(), run.goal.navigationPayload()).orElse(null);
            if (text == null) {
                return "the user data has no value for " + recorded.payloadKey();
            }
        }
        Action action = StepActor.redacted(recorded.toAction(elementId, text, parser), run.secrets);
        long a0 = System.nanoTime();
        ActionOutcome outcome;
        if (action instanceof Action.Extract) {
            Extractor.Extraction extraction = actor.extract(stepId, run, meter);
            outcome = extraction.succeeded() ? ActionOutcome.ok(action, "extracted", AgentLoop.millisSince(a0))
                    : ActionOutcome.failed(action, extraction.failureReason(), AgentLoop.millisSince(a0));
        } else {
            outcome = StepActor.withEvents(run.executor.execute(action, run.session, run.secrets, run.uploads), stepId, run);
        }
        meter.action(outcome.durationMs());
        AgentLoop.stopIfInterrupted();
        run.recorder.action(stepId, order, action, outcome);
        outcomes.add(outcome);
        if (!outcome.success()) {
            return outcome.message();
        }
        run.script.add(recorded);
        return null;
    }

    /**
     * The element's action id. Looked for at once and then every {@link #FIND_POLL_MS} for a moment
     * (the page may still be rendering what it just loaded); still missing, the page is given time
     * to settle (bounded: a component drawn from a request's answer comes after the request) and
     * looked at again. A replay is as fast as the page in the common case and does not heal a step
     * only because a slow page had not drawn its element yet.
     */
    private Optional<String> find(ElementDescriptor element, AgentRun run) {
        long quickUntil = System.nanoTime() + QUICK_FIND_MS * 1_000_000;
        Optional<String> found = findOnce(element, run);
        while (found.isEmpty() && System.nanoTime() < quickUntil) {
            run.session.waitFor(java.time.Duration.ofMillis(FIND_POLL_MS));
            found = findOnce(element, run);
        }
        if (found.isPresent()) {
            return found;
        }
        try {
            run.session.settle();
        } catch (SkyvernException e) {
            // mid-navigation: the looks below tell
        }
        for (int attempt = 1; attempt <= SETTLED_FIND_TRIES; attempt++) {
            Optional<String> id = findOnce(element, run);
            if (id.isPresent()) {
                return id;
            }
            if (attempt < SETTLED_FIND_TRIES) {
                run.session.waitFor(java.time.Duration.ofMillis(SETTLED_FIND_PAUSE_MS));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findOnce(ElementDescriptor element, AgentRun run) {
        try {
            return run.session.find(element);
        } catch (SkyvernException e) {
            return Optional.empty();   // mid-navigation: look again
        }
    }

    private static String name(ScriptAction action) {
        ElementDescriptor e = action.element();
        String what = e.name().isEmpty() ? e.text() : e.name();
        return action.actionType() + " on " + (e.role().isEmpty() ? e.tag() : e.role()) + " \"" + what + "\"";
    }
}
