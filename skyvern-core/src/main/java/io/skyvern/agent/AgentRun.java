package io.skyvern.agent;

import io.skyvern.browser.BrowserSession;

import java.nio.file.Path;
import java.util.Set;

/**
 * Everything one agent run carries from step to step: what it is for, where it acts and records,
 * and what it has learnt (usage so far, history and the model's notes). Confined to the thread
 * running the run.
 */
final class AgentRun {
    final AgentGoal goal;
    final BrowserSession session;
    final RunControl control;
    final RunRecorder recorder;
    final ActionExecutor executor;
    final PayloadSecrets secrets;
    final Set<Path> uploads;
    final RunHistory history;
    final ScriptRun script;
    AgentUsage usage = AgentUsage.ZERO;

    AgentRun(AgentGoal goal, BrowserSession session, RunControl control, RunRecorder recorder, Path downloadDir,
             int historyChars, ScriptRun script) {
        this.goal = goal;
        this.session = session;
        this.control = control;
        this.recorder = recorder;
        this.executor = new ActionExecutor(downloadDir);
        this.secrets = goal.secrets();
        this.uploads = UploadOffer.filesOffered(goal.navigationPayload());
        this.history = new RunHistory(historyChars);
        this.script = script;
    }

    void addUsage(long in, long out, double cost) {
        usage = usage.plus(in, out, cost);
    }
}
