package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of one block of a workflow definition: id, type, {@code continue_on_failure} and the
 * parameters each type requires. Stateless; errors are appended to the caller's list.
 */
final class BlockRules {
    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final List<String> TYPES = List.of("navigation", "extraction", "task", "loop", "condition", "code",
            "wait", "http_request", "text_prompt", "login");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Map<String, String> LABELS = Map.of("navigation", "Navigation", "extraction", "Extraction",
            "task", "Task", "loop", "Loop", "condition", "Condition", "code", "Code", "wait", "Wait",
            "http_request", "HTTP request", "text_prompt", "Text prompt", "login", "Login");
    private static final double MAX_WAIT_SECONDS = 3600;

    private BlockRules() {
    }

    /** The block's id when it is a valid one, else null (and the reason is in errors). */
    static String checkId(JsonNode block, int index, List<String> errors) {
        JsonNode id = block.get("id");
        if (id == null || id.isNull()) {
            errors.add("Block " + index + ": Missing required field 'id'");
            return null;
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            errors.add("Block " + index + ": Field 'id' must be a non-blank string");
            return null;
        }
        if (!ID_PATTERN.matcher(id.asText()).matches()) {
            errors.add("Block " + index + ": Invalid block ID '" + id.asText()
                    + "' (use 1 to 100 letters, digits, '_' or '-')");
            return null;
        }
        return id.asText();
    }

    /** The block's type when it is a known one, else null (and the reason is in errors). */
    static String checkType(JsonNode block, int index, List<String> errors) {
        JsonNode type = block.get("type");
        if (type == null || type.isNull()) {
            errors.add("Block " + index + ": Missing required field 'type'");
            return null;
        }
        if (!type.isTextual() || !TYPES.contains(type.asText())) {
            errors.add("Block " + index + ": Invalid block type '" + (type.isTextual() ? type.asText() : type)
                    + "' (allowed: " + String.join(", ", TYPES) + ")");
            return null;
        }
        return type.asText();
    }

    static void checkContinueOnFailure(JsonNode block, int index, List<String> errors) {
        JsonNode value = block.get("continue_on_failure");
        if (value != null && !value.isNull() && !value.isBoolean()) {
            errors.add("Block " + index + ": Field 'continue_on_failure' must be a boolean");
        }
    }

    /** The block's parameters object, or null when it is not an object (reported). */
    static JsonNode parameters(JsonNode block, int index, List<String> errors) {
        JsonNode params = block.get("parameters");
        if (params == null || params.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!params.isObject()) {
            errors.add("Block " + index + ": Field 'parameters' must be an object");
            return null;
        }
        return params;
    }

    /** Checks the parameters a block of this type requires. */
    static void checkTypeParameters(String type, JsonNode params, int index, List<String> errors) {
        String who = LABELS.get(type) + " block " + index;
        switch (type) {
            case "navigation", "task" -> {
                requireText(params, "url", who, errors);
                requireText(params, "navigation_goal", who, errors);
                checkRunMode(params, who, errors);
            }
            case "extraction" -> requireText(params, "data_extraction_goal", who, errors);
            case "loop" -> {
                requireText(params, "loop_over", who, errors);
                checkLoopBlocksShape(params, who, errors);
            }
            case "condition" -> requireText(params, "condition_expression", who, errors);
            case "code" -> requireText(params, "code", who, errors);
            case "wait" -> checkWaitSeconds(params, who, errors);
            case "http_request" -> {
                checkHttpMethod(params, who, errors);
                requireText(params, "url", who, errors);
            }
            case "text_prompt" -> requireText(params, "prompt", who, errors);
            case "login" -> {
                requireText(params, "url", who, errors);
                requireText(params, "credential_id", who, errors);
                checkRunMode(params, who, errors);
            }
            default -> throw new IllegalStateException("unchecked block type " + type);
        }
    }

    static String label(String type) {
        return LABELS.get(type);
    }

    private static void requireText(JsonNode params, String name, String who, List<String> errors) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            errors.add(who + ": Missing '" + name + "' parameter");
        } else if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(who + ": Parameter '" + name + "' must be a non-blank string");
        }
    }

    /** run_mode is a constant (a template could not be checked before the run); cache_key may be a template. */
    private static void checkRunMode(JsonNode params, String who, List<String> errors) {
        JsonNode value = params.get("run_mode");
        if (value != null && !value.isNull() && !(value.isTextual()
                && Set.of("agent", "replay", "auto").contains(value.asText().strip().toLowerCase(Locale.ROOT)))) {
            errors.add(who + ": Parameter 'run_mode' must be one of agent, replay, auto");
        }
        JsonNode key = params.get("cache_key");
        if (key != null && !key.isNull() && (!key.isTextual() || key.asText().isBlank()
                || key.asText().length() > io.skyvern.task.TaskValidator.MAX_CACHE_KEY_LENGTH)) {
            errors.add(who + ": Parameter 'cache_key' must be a non-blank string of at most "
                    + io.skyvern.task.TaskValidator.MAX_CACHE_KEY_LENGTH + " characters");
        }
    }

    private static void checkLoopBlocksShape(JsonNode params, String who, List<String> errors) {
        JsonNode value = params.get("loop_blocks");
        if (value == null || value.isNull()) {
            errors.add(who + ": Missing 'loop_blocks' parameter");
            return;
        }
        if (!value.isArray() || value.isEmpty()) {
            errors.add(who + ": Parameter 'loop_blocks' must be a non-empty array of block IDs");
            return;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                errors.add(who + ": Parameter 'loop_blocks' must contain only block IDs (strings)");
                return;
            }
        }
    }

    private static void checkWaitSeconds(JsonNode params, String who, List<String> errors) {
        JsonNode value = params.get("seconds");
        if (value == null || value.isNull()) {
            errors.add(who + ": Missing 'seconds' parameter");
        } else if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > MAX_WAIT_SECONDS) {
            errors.add(who + ": Parameter 'seconds' must be a number between 0 and 3600");
        }
    }

    private static void checkHttpMethod(JsonNode params, String who, List<String> errors) {
        JsonNode value = params.get("method");
        if (value == null || value.isNull()) {
            errors.add(who + ": Missing 'method' parameter");
        } else if (!value.isTextual() || !HTTP_METHODS.contains(value.asText().toUpperCase(Locale.ROOT))) {
            errors.add(who + ": Invalid method '" + (value.isTextual() ? value.asText() : value)
                    + "' (allowed: GET, POST, PUT, PATCH, DELETE, HEAD)");
        }
    }
}
