package io.skyvern.agent;

import io.skyvern.browser.PageAddress;
import io.skyvern.common.SkyvernException;

import java.util.Optional;
import java.util.function.Function;

/**
 * Replays a script without the model. Before each recorded step it checks that the page is the one
 * the step expects (same host and path); each action finds its element again by its descriptor
 * (a unique match only), runs it and is recorded like an agent's. A step that does not fit is
 * <b>healed</b>: the model chooses this one step's actions with the usual prompt, then the replay
 * goes on with the recorded step the page now fits (the next one, or the same one again after an
 * inserted page). When no recorded step fits after a heal, or a step misses right after a heal, the
 * run has <b>diverged</b>: the agent runs the rest. {@code complete} ends the run without the
 * completion check (the script reached this page before); extraction still asks the model.
 * Thread-safe; a run is replayed by one thread.
 */
final class Replayer {
    private final StepActor actor;
    private final ActionParser parser = new ActionParser();
    private final Function<AgentRun, Optional<AgentResult>> stopCheck;

    /** Runs one agent step numbered {@code step} in the given mode; the run's result when it ended the run. */
    interface AgentStep {
        Optional<AgentResult> run(int step, String mode);
    }

    /** The run's result if the replay ended it, else the number of the next step (the agent goes on from there). */
    record Outcome(Optional<AgentResult> end, int nextStep) {
    }

    Replayer(StepActor actor, Function<AgentRun, Optional<AgentResult>> stopCheck) {
        this.actor = actor;
        this.stopCheck = stopCheck;
    }

    Outcome replay(AgentRun run, int firstStep, AgentStep agentStep) {
        ReplayedStep stepRunner = new ReplayedStep(actor, parser);
        int step = firstStep;
        int index = 0;
        boolean healedLast = false;
        var plan = run.script.plan();
        while (index < plan.size() && step <= run.goal.maxSteps()) {
            Optional<AgentResult> stop = stopCheck.apply(run);
            if (stop.isPresent()) {
                return new Outcome(stop, step);
            }
            ReplayedStep.Attempt attempt = stepRunner.run(step, plan.get(index), run);
            if (attempt.stepTaken()) {
                step++;
            }
            if (attempt.end().isPresent()) {
                return new Outcome(attempt.end(), step);
            }
            if (attempt.miss().isEmpty()) {
                index++;
                healedLast = false;
                continue;
            }
            if (healedLast) {
                return diverged(run, step, attempt.miss().get());
            }
            run.recorder.log("INFO", "Replay: healing step " + step + " with the model: " + attempt.miss().get());
            Optional<AgentResult> end = agentStep.run(step++, StepResult.HEALED);
            if (end.isPresent()) {
                return new Outcome(end, step);
            }
            healedLast = true;
            Optional<Integer> next = fitting(run, index);
            if (next.isEmpty()) {
                return diverged(run, step, "no recorded step fits the page " + safeUrl(run));
            }
            index = next.get();
        }
        if (index < plan.size()) {
            return new Outcome(Optional.empty(), step);   // out of steps: the loop reports max_steps
        }
        run.recorder.log("INFO", "Replay: the script ended without completing; the agent goes on");
        run.script.diverge();
        return new Outcome(Optional.empty(), step);
    }

    private static Outcome diverged(AgentRun run, int step, String why) {
        run.recorder.log("INFO", "Replay: the run diverged from the script (" + why + "); the agent runs the rest");
        run.script.diverge();
        return new Outcome(Optional.empty(), step);
    }

    /** After a heal: the recorded step after the healed one if the page fits it, else the healed one again. */
    private static Optional<Integer> fitting(AgentRun run, int healed) {
        var plan = run.script.plan();
        String now = safeUrl(run);
        if (healed + 1 < plan.size() && PageAddress.same(plan.get(healed + 1).url(), now)) {
            return Optional.of(healed + 1);
        }
        if (PageAddress.same(plan.get(healed).url(), now)) {
            return Optional.of(healed);
        }
        return Optional.empty();
    }

    private static String safeUrl(AgentRun run) {
        try {
            return run.session.currentUrl();
        } catch (SkyvernException e) {
            return "";
        }
    }
}
