package io.skyvern.cli;

import io.skyvern.task.ActionRecord;

/** One action as a line of text: type, element, result, then the agent's reasoning. */
final class ActionLine {
    private ActionLine() {
    }

    static String of(ActionRecord a) {
        StringBuilder line = new StringBuilder(a.actionType());
        if (a.elementId() != null) {
            line.append(' ').append(a.elementId());
        }
        if (a.status() != null) {
            line.append(" [").append(a.status()).append(']');
        }
        if (a.reasoning() != null && !a.reasoning().isBlank()) {
            line.append(" - ").append(Output.truncate(a.reasoning(), 160));
        }
        if (a.resultMessage() != null && !a.resultMessage().isBlank()) {
            line.append(" (").append(Output.truncate(a.resultMessage(), 120)).append(')');
        }
        return line.toString();
    }
}
