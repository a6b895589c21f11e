package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the model's JSON answer into actions. Tolerant of shape ({@code {"actions":[…]}}, a bare
 * array, or one action object; a few common synonyms of field names) but strict about meaning:
 * an action that lacks what it needs becomes {@link Action.Invalid} with the reason, so that the
 * model sees its mistake in the next step instead of the run crashing. Pure and thread-safe.
 */
public final class ActionParser {
    /** The largest number of actions taken from one answer; the rest are dropped. */
    public static final int MAX_ACTIONS_PER_STEP = 20;
    /** The longest memory note kept from one answer: notes are for facts, not essays. */
    public static final int MAX_MEMORY_CHARS = 500;

    /**
     * Parses an answer. Throws {@link LlmOutputException} when the answer holds no action list at
     * all (that is a garbage answer, retried by the caller), never for a single bad action.
     */
    public List<Action> parse(JsonNode answer) {
        return parseAnswer(answer).actions();
    }

    /**
     * Parses an answer with the note the model chose to keep ({@code "memory"}, a string beside the
     * actions; blank or absent is no note). Throws like {@link #parse(JsonNode)}.
     */
    public ModelAnswer parseAnswer(JsonNode answer) {
        List<Action> actions = parseActions(answer);
        String memory = answer != null && answer.isObject() && answer.path("memory").isTextual()
                ? answer.get("memory").asText().strip() : "";
        return new ModelAnswer(actions, memory.length() > MAX_MEMORY_CHARS
                ? memory.substring(0, MAX_MEMORY_CHARS - 1) + "…" : memory);
    }

    private List<Action> parseActions(JsonNode answer) {
        JsonNode list = actionList(answer)
                .orElseThrow(() -> new LlmOutputException("The answer has no \"actions\" list"));
        List<Action> actions = new ArrayList<>();
        for (JsonNode item : list) {
            if (actions.size() == MAX_ACTIONS_PER_STEP) {
                break;
            }
            actions.add(parseOne(item));
        }
        if (actions.isEmpty()) {
            throw new LlmOutputException("The answer's \"actions\" list is empty");
        }
        return List.copyOf(actions);
    }

    private static Optional<JsonNode> actionList(JsonNode answer) {
        if (answer == null) {
            return Optional.empty();
        }
        if (answer.isArray()) {
            return Optional.of(answer);
        }
        if (answer.isObject()) {
            JsonNode actions = answer.get("actions");
            if (actions != null && actions.isArray()) {
                return Optional.of(actions);
            }
            if (answer.has("action_type")) {
                return Optional.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(answer));
            }
        }
        return Optional.empty();
    }

    Action parseOne(JsonNode item) {
        if (item == null || !item.isObject()) {
            return new Action.Invalid(null, "An action must be a JSON object", null);
        }
        String rawType = text(item, "action_type", "type", "action");
        String reasoning = text(item, "reasoning", "reason_for_action", "thought");
        Optional<ActionType> type = ActionType.fromWire(rawType);
        if (type.isEmpty()) {
            return new Action.Invalid(rawType, "Unknown action_type '" + rawType + "'", reasoning);
        }
        String elementId = text(item, "element_id", "id", "element");
        return switch (type.get()) {
            case CLICK -> needsElement(elementId, rawType, reasoning, () -> new Action.Click(elementId, reasoning));
            case INPUT_TEXT -> {
                String value = text(item, "text", "value", "input");
                if (value == null) {
                    yield new Action.Invalid(rawType, "input_text needs \"text\"", reasoning);
                }
                yield needsElement(elementId, rawType, reasoning, () -> new Action.InputText(elementId, value, reasoning));
            }
            case SELECT_OPTION -> {
                Optional<OptionChoice> option = option(item.get("option"));
                if (option.isEmpty()) {
                    yield new Action.Invalid(rawType, "select_option needs \"option\" ({\"label\"|\"value\"|\"index\"} or a string)", reasoning);
                }
                yield needsElement(elementId, rawType, reasoning, () -> new Action.SelectOption(elementId, option.get(), reasoning));
            }
            case CHECK -> needsElement(elementId, rawType, reasoning, () -> new Action.Check(elementId, true, reasoning));
            case UNCHECK -> needsElement(elementId, rawType, reasoning, () -> new Action.Check(elementId, false, reasoning));
            case UPLOAD_FILE -> {
                String file = text(item, "file", "file_url", "path", "text");
                if (file == null) {
                    yield new Action.Invalid(rawType, "upload_file needs \"file\"", reasoning);
                }
                yield needsElement(elementId, rawType, reasoning, () -> new Action.UploadFile(elementId, file, reasoning));
            }
            case DOWNLOAD_FILE -> needsElement(elementId, rawType, reasoning, () -> new Action.DownloadFile(elementId, reasoning));
            case HOVER -> needsElement(elementId, rawType, reasoning, () -> new Action.Hover(elementId, reasoning));
            case SCROLL -> {
                String direction = Optional.ofNullable(text(item, "direction")).orElse("down").toLowerCase(java.util.Locale.ROOT);
                int pixels = item.path("pixels").isNumber() ? item.get("pixels").asInt() : 600;
                yield new Action.Scroll(direction.equals("up") ? "up" : "down", Math.max(1, Math.min(pixels, 20_000)),
                        blankToNull(elementId), reasoning);
            }
            case KEYPRESS -> {
                String keys = text(item, "keys", "key", "text");
                yield keys == null ? new Action.Invalid(rawType, "keypress needs \"keys\"", reasoning)
                        : new Action.KeyPress(keys, blankToNull(elementId), reasoning);
            }
            case SWITCH_TAB, CLOSE_TAB -> {
                String tabId = text(item, "tab_id", "tab", "page_id");
                if (tabId == null || tabId.isBlank()) {
                    yield new Action.Invalid(rawType, rawType + " needs \"tab_id\" (t1, t2… as the prompt lists the tabs)", reasoning);
                }
                yield type.get() == ActionType.SWITCH_TAB ? new Action.SwitchTab(tabId.strip(), reasoning)
                        : new Action.CloseTab(tabId.strip(), reasoning);
            }
            case HANDLE_DIALOG -> {
                Optional<Boolean> accept = dialogChoice(item);
                if (accept.isEmpty()) {
                    yield new Action.Invalid(rawType, "handle_dialog needs \"accept\": true or false", reasoning);
                }
                yield new Action.HandleDialog(accept.get(), text(item, "text", "prompt_text", "value"), reasoning);
            }
            case GOTO_URL -> {
                String url = text(item, "url", "href");
                String link = text(item, "element_id", "id", "element");
                if (url == null && link != null && !link.isBlank()) {
                    yield new Action.GotoUrl("", link.strip(), reasoning);   // follow the link's full href
                }
                yield url == null ? new Action.Invalid(rawType, "goto_url needs \"url\" or a link's \"element_id\"", reasoning)
                        : new Action.GotoUrl(url, reasoning);
            }
            case GO_BACK -> new Action.GoBack(reasoning);
            case WAIT -> {
                double seconds = item.path("seconds").isNumber() ? item.get("seconds").asDouble() : 1.0;
                yield new Action.Wait(Math.max(0, Math.min(seconds, 30)), reasoning);
            }
            case EXTRACT -> new Action.Extract(reasoning);
            case COMPLETE -> new Action.Complete(reasoning);
            case TERMINATE -> {
                String reason = Optional.ofNullable(text(item, "reason", "message")).orElse(
                        reasoning == null ? "The model terminated the task" : reasoning);
                yield new Action.Terminate(reason, text(item, "error_code", "errors"), reasoning);
            }
            case INVALID -> new Action.Invalid(rawType, "Unknown action_type '" + rawType + "'", reasoning);
        };
    }

    /** {@code "accept": true|false}, or {@code "action": "accept"|"dismiss"}. */
    private static Optional<Boolean> dialogChoice(JsonNode item) {
        JsonNode accept = item.get("accept");
        if (accept != null && accept.isBoolean()) {
            return Optional.of(accept.asBoolean());
        }
        String word = text(item, "accept", "choice", "response", "dialog_action");
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "accept", "ok", "yes" -> Optional.of(true);
            case "false", "dismiss", "cancel", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Action needsElement(String elementId, String rawType, String reasoning,
                                       java.util.function.Supplier<Action> action) {
        if (elementId == null || elementId.isBlank()) {
            return new Action.Invalid(rawType, rawType + " needs \"element_id\"", reasoning);
        }
        return action.get();
    }

    private static Optional<OptionChoice> option(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual() || node.isNumber()) {
            return Optional.of(OptionChoice.labelOrValue(node.asText()));
        }
        if (node.isObject()) {
            if (node.hasNonNull("label")) {
                return Optional.of(new OptionChoice(OptionChoice.Kind.LABEL, node.get("label").asText()));
            }
            if (node.hasNonNull("value")) {
                return Optional.of(new OptionChoice(OptionChoice.Kind.VALUE, node.get("value").asText()));
            }
            if (node.path("index").canConvertToInt()) {
                return Optional.of(new OptionChoice(OptionChoice.Kind.INDEX, String.valueOf(node.get("index").asInt())));
            }
        }
        return Optional.empty();
    }

    /** The first of the named fields that holds a scalar, as text; null when none does. */
    private static String text(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
