package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The parameters of an action as stored in {@code actions.input} (text, option, url, keys…).
 * The action handed in is already redacted: a secret appears only as its placeholder. A replay
 * script keeps the same form, so the recorded action and the script action read alike.
 */
public final class ActionInputs {
    private ActionInputs() {
    }

    public static String elementId(Action action) {
        if (action instanceof Action.Scroll scroll) {
            return scroll.elementId();
        }
        if (action instanceof Action.KeyPress keyPress) {
            return keyPress.elementId();
        }
        if (action instanceof Action.GotoUrl gotoUrl) {
            return gotoUrl.linkId().isEmpty() ? null : gotoUrl.linkId();   // a link followed by its href
        }
        return action instanceof Action.OnElement on ? on.elementId() : null;
    }

    /** Null when the action has no parameters besides its element. */
    public static JsonNode of(Action action) {
        ObjectNode in = JsonNodeFactory.instance.objectNode();
        if (action instanceof Action.InputText a) {
            in.put("text", a.text());
        } else if (action instanceof Action.SelectOption a) {
            in.putObject("option").put(a.option().kind().name().toLowerCase(Locale.ROOT), a.option().value());
        } else if (action instanceof Action.Check a) {
            in.put("checked", a.checked());
        } else if (action instanceof Action.UploadFile a) {
            in.put("file", a.file());
        } else if (action instanceof Action.Scroll a) {
            in.put("direction", a.direction()).put("pixels", a.pixels());
        } else if (action instanceof Action.KeyPress a) {
            in.put("keys", a.keys());
        } else if (action instanceof Action.GotoUrl a) {
            if (!a.url().isEmpty()) {
                in.put("url", a.url());   // none when a link is followed: a replay reads the link's href again
            }
        } else if (action instanceof Action.SwitchTab a) {
            in.put("tab_id", a.tabId());
        } else if (action instanceof Action.CloseTab a) {
            in.put("tab_id", a.tabId());
        } else if (action instanceof Action.HandleDialog a) {
            in.put("accept", a.accept());
            if (!a.text().isEmpty()) {
                in.put("text", a.text());
            }
        } else if (action instanceof Action.Wait a) {
            in.put("seconds", a.seconds());
        } else if (action instanceof Action.Terminate a) {
            in.put("reason", a.reason());
            if (a.errorCode() != null) {
                in.put("error_code", a.errorCode());
            }
        } else if (action instanceof Action.Invalid a) {
            in.put("raw_type", a.rawType()).put("problem", a.problem());
        }
        return in.isEmpty() ? null : in;
    }
}
