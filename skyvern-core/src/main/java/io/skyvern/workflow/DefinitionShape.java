package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of a workflow definition, as opposed to its rules ({@link WorkflowValidator}): which
 * properties the definition, its blocks, their parameters and the connections may have, and the
 * JSON type of the structural ones. A definition that does not fit is refused with
 * {@code VALIDATION_ERROR} (422) and every misfit as {@code "path: message"}, like an unknown
 * property of a request body — a typo such as {@code "sekonds": 3} inside a wait block would
 * otherwise be silently ignored. Block parameter values are not typed here: any of them may be a
 * template that renders to the right type. Pure and thread-safe.
 */
final class DefinitionShape {
    private static final Set<String> DEFINITION = Set.of("blocks", "connections");
    private static final Set<String> BLOCK = Set.of("id", "type", "parameters", "continue_on_failure");
    private static final Set<String> CONNECTION = Set.of("source", "target", "condition");
    private static final Set<String> AGENT = Set.of("url", "navigation_goal", "navigation_payload",
            "data_extraction_goal", "data_schema", "max_steps", "error_code_mapping", "credential_id",
            "totp_identifier", "totp_verification_url", "run_mode", "cache_key");
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "navigation", AGENT,
            "task", AGENT,
            "extraction", Set.of("data_extraction_goal", "data_schema"),
            "loop", Set.of("loop_over", "loop_blocks"),
            "condition", Set.of("condition_expression"),
            "code", Set.of("code"),
            "wait", Set.of("seconds"),
            "http_request", Set.of("method", "url", "headers", "body", "timeout_seconds"),
            "text_prompt", Set.of("prompt", "json_schema"),
            "login", Set.of("url", "navigation_goal", "navigation_payload", "max_steps", "error_code_mapping",
                    "credential_id", "totp_identifier", "totp_verification_url", "run_mode", "cache_key"));

    private DefinitionShape() {
    }

    /** Every misfit of the definition, {@code "workflow_definition.blocks[0].parameters.sekonds: Unknown field"}. */
    static List<String> misfits(JsonNode definition) {
        List<String> errors = new ArrayList<>();
        String root = "workflow_definition";
        if (definition == null || definition.isNull() || definition.isMissingNode()) {
            return errors; // absence is a rule (WORKFLOW_VALIDATION_FAILED), not a shape
        }
        if (!definition.isObject()) {
            errors.add(root + ": Expected a value of type object");
            return errors;
        }
        unknown(definition, DEFINITION, root, errors);
        JsonNode blocks = definition.path("blocks");
        if (isArrayOrAbsent(blocks, root + ".blocks", errors)) {
            for (int i = 0; i < blocks.size(); i++) {
                block(blocks.get(i), root + ".blocks[" + i + "]", errors);
            }
        }
        JsonNode connections = definition.path("connections");
        if (isArrayOrAbsent(connections, root + ".connections", errors)) {
            for (int i = 0; i < connections.size(); i++) {
                String path = root + ".connections[" + i + "]";
                if (isObject(connections.get(i), path, errors)) {
                    unknown(connections.get(i), CONNECTION, path, errors);
                }
            }
        }
        return errors;
    }

    private static void block(JsonNode block, String path, List<String> errors) {
        if (!isObject(block, path, errors)) {
            return;
        }
        unknown(block, BLOCK, path, errors);
        JsonNode type = block.path("type");
        if (!type.isMissingNode() && !type.isNull() && !type.isTextual()) {
            errors.add(path + ".type: Expected a value of type string");
        }
        JsonNode id = block.path("id");
        if (!id.isMissingNode() && !id.isNull() && !id.isTextual()) {
            errors.add(path + ".id: Expected a value of type string");
        }
        JsonNode cof = block.path("continue_on_failure");
        if (!cof.isMissingNode() && !cof.isNull() && !cof.isBoolean()) {
            errors.add(path + ".continue_on_failure: Expected a value of type boolean");
        }
        JsonNode parameters = block.path("parameters");
        if (parameters.isMissingNode() || parameters.isNull()) {
            return;
        }
        if (!isObject(parameters, path + ".parameters", errors)) {
            return;
        }
        Set<String> known = PARAMETERS.get(type.asText(""));
        if (known != null) {
            unknown(parameters, known, path + ".parameters", errors);
        }
    }

    private static boolean isArrayOrAbsent(JsonNode node, String path, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isArray()) {
            errors.add(path + ": Expected a value of type array");
            return false;
        }
        return true;
    }

    private static boolean isObject(JsonNode node, String path, List<String> errors) {
        if (!node.isObject()) {
            errors.add(path + ": Expected a value of type object");
            return false;
        }
        return true;
    }

    private static void unknown(JsonNode object, Set<String> known, String path, List<String> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path + "." + name + ": Unknown field");
            }
        }
    }
}
