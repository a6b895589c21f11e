package io.skyvern.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.browser.ElementDescriptor;

import java.util.Objects;

/**
 * One recorded action of a script: its type, its parameters as the actions table stores them
 * ({@link ActionInputs}; a secret only as its placeholder), the durable descriptor of its element
 * (null for actions without one) and, for {@code input_text}, the {@code navigation_payload} key
 * its text came from (null when the text was typed as is), so a replay with other user data types
 * that data. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScriptAction(@JsonProperty("action_type") String actionType, JsonNode input, ElementDescriptor element,
                           @JsonProperty("payload_key") String payloadKey) {
    public ScriptAction {
        Objects.requireNonNull(actionType, "actionType");
    }

    /** The action recorded from {@code action} (already redacted), found on {@code element}. */
    public static ScriptAction of(Action action, ElementDescriptor element, String payloadKey) {
        return new ScriptAction(action.type().wireName(), ActionInputs.of(action), element, payloadKey);
    }

    /** The action to run now on element {@code elementId} (null when it has none), typing {@code text} for input_text. */
    Action toAction(String elementId, String text, ActionParser parser) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("action_type", actionType);
        if (input != null) {
            input.fields().forEachRemaining(f -> item.set(f.getKey(), f.getValue()));
        }
        JsonNode option = item.get("option");
        if (option != null && option.has("label_or_value")) {
            item.set("option", option.get("label_or_value"));
        }
        if (elementId != null) {
            item.put("element_id", elementId);
        }
        if (text != null) {
            item.put("text", text);
        }
        item.put("reasoning", "replayed from the script");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putArray("actions").add(item);
        return parser.parse(answer).get(0);
    }

    /** The recorded text of an input_text (a placeholder for a secret), or null. */
    String text() {
        return input == null || !input.hasNonNull("text") ? null : input.get("text").asText();
    }
}
