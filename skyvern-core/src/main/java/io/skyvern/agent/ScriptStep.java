package io.skyvern.agent;

import java.util.List;
import java.util.Objects;

/**
 * One step of a script: the page it expects to start on (URL and title as recorded) and the
 * actions that ran there, in order. A replay checks the page before it runs the actions. Immutable.
 */
public record ScriptStep(String url, String title, List<ScriptAction> actions) {
    public ScriptStep {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        actions = List.copyOf(actions);
    }

    ScriptStep plus(ScriptAction action) {
        List<ScriptAction> more = new java.util.ArrayList<>(actions);
        more.add(action);
        return new ScriptStep(url, title, more);
    }
}
