package io.skyvern.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.config.OrgLimits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a workflow request against every rule of the specification and reports all errors and
 * warnings at once (a client fixes everything in one round trip). Pure and thread-safe: no I/O,
 * no state.
 */
public final class WorkflowValidator {
    static final int MAX_TITLE_LENGTH = 100;
    static final int LARGE_WORKFLOW_BLOCKS = 20;
    /** The sizes the storage holds (workflows.description and the JSON text columns). */
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_DOCUMENT_CHARS = 1_000_000;

    public ValidationResult validate(WorkflowRequest request, OrgLimits limits) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(limits, "limits");
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        checkTitle(request.title(), errors);
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add("Workflow description too long (max " + MAX_DESCRIPTION_LENGTH + " characters)");
        }
        checkSize("Workflow definition", request.workflowDefinition(), errors);
        checkSize("Parameter schema", request.parameterSchema(), errors);
        int blockCount = checkDefinition(request.workflowDefinition(), limits, errors);
        JsonNode schema = request.parameterSchema();
        if (schema != null && !schema.isNull()) {
            errors.addAll(ParameterSchemas.schemaErrors(schema));
        }
        if (blockCount > LARGE_WORKFLOW_BLOCKS) {
            warnings.add("Large workflow may have performance implications");
        }
        if (request.description() == null || request.description().isBlank()) {
            warnings.add("Consider adding a description for better maintainability");
        }
        return new ValidationResult(errors, warnings, blockCount, ParameterSchemas.parameterCount(schema));
    }

    private static void checkTitle(String title, List<String> errors) {
        if (title == null || title.isBlank()) {
            errors.add("Workflow title cannot be empty");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            errors.add("Workflow title too long (max 100 characters)");
        }
    }

    static void checkSize(String what, JsonNode node, List<String> errors) {
        if (node != null && jsonLength(node) > MAX_DOCUMENT_CHARS) {
            errors.add(what + " too large (max " + MAX_DOCUMENT_CHARS + " characters as JSON)");
        }
    }

    static int jsonLength(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Checks blocks, connections and graph; returns the number of blocks. */
    private static int checkDefinition(JsonNode definition, OrgLimits limits, List<String> errors) {
        if (definition == null || definition.isNull()) {
            errors.add("Workflow definition is required");
            return 0;
        }
        if (!definition.isObject()) {
            errors.add("Workflow definition must be an object");
            return 0;
        }
        JsonNode blocks = definition.get("blocks");
        if (blocks != null && !blocks.isNull() && !blocks.isArray()) {
            errors.add("Field 'blocks' must be an array");
            return 0;
        }
        if (blocks == null || blocks.isNull() || blocks.isEmpty()) {
            errors.add("Workflow must contain at least one block");
        }
        int count = blocks == null ? 0 : blocks.size();
        boolean tooMany = count > limits.maxWorkflowBlocks();
        if (tooMany) {
            errors.add("Too many blocks (max: " + limits.maxWorkflowBlocks() + ")");
        }
        Map<String, GraphRules.BlockRef> valid = new LinkedHashMap<>();
        Set<String> allIds = new HashSet<>();
        if (blocks != null) {
            checkBlocks(blocks, valid, allIds, errors);
        }
        JsonNode connections = definition.get("connections");
        Map<String, List<String>> edges = Map.of();
        if (connections != null && !connections.isNull() && !connections.isArray()) {
            errors.add("Field 'connections' must be an array");
        } else if (connections != null && !connections.isNull()) {
            edges = GraphRules.checkConnections(connections, valid, allIds, errors);
        }
        GraphRules.checkLoopBodies(valid, errors);
        // Past the limit the graph walk is skipped: the request is rejected anyway, and a huge
        // graph must not cost a deep recursion.
        if (!valid.isEmpty() && !tooMany) {
            GraphRules.checkCycles(valid, edges, errors);
            GraphRules.checkSingleStart(valid, edges, errors);
        }
        return count;
    }

    private static void checkBlocks(JsonNode blocks, Map<String, GraphRules.BlockRef> valid, Set<String> allIds,
                                    List<String> errors) {
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            if (!block.isObject()) {
                errors.add("Block " + i + ": must be an object");
                continue;
            }
            String id = BlockRules.checkId(block, i, errors);
            String type = BlockRules.checkType(block, i, errors);
            BlockRules.checkContinueOnFailure(block, i, errors);
            JsonNode params = BlockRules.parameters(block, i, errors);
            if (type != null && params != null) {
                BlockRules.checkTypeParameters(type, params, i, errors);
            }
            if (params != null) {
                TemplateSyntax.check(params, "workflow_definition.blocks[" + i + "].parameters", errors);
            }
            if (id == null) {
                continue;
            }
            if (!allIds.add(id)) {
                errors.add("Duplicate block ID: " + id);
                continue;
            }
            if (type != null) {
                valid.put(id, new GraphRules.BlockRef(i, id, type, loopBlocks(type, params)));
            }
        }
    }

    private static List<String> loopBlocks(String type, JsonNode params) {
        if (!type.equals("loop") || params == null) {
            return List.of();
        }
        JsonNode members = params.get("loop_blocks");
        List<String> ids = new ArrayList<>();
        if (members != null && members.isArray()) {
            members.forEach(m -> {
                if (m.isTextual()) {
                    ids.add(m.asText());
                }
            });
        }
        return ids;
    }
}
