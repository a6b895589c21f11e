package io.skyvern.workflow.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a (validated) definition document into a {@link WorkflowGraph}. It checks only what the
 * engine relies on (known types, required parameters, one start block) and reports every problem
 * at once with {@code WORKFLOW_VALIDATION_FAILED}. Thread-safe (stateless).
 */
public final class BlockParser {

    public WorkflowGraph parse(JsonNode definition) {
        List<String> errors = new ArrayList<>();
        Map<String, Block> blocks = new LinkedHashMap<>();
        JsonNode blockNodes = definition == null ? NullNode.getInstance() : definition.path("blocks");
        if (!blockNodes.isArray() || blockNodes.isEmpty()) {
            errors.add("blocks: at least one block is required");
        }
        for (JsonNode node : blockNodes) {
            parseBlock(node, errors).ifPresent(b -> {
                if (blocks.putIfAbsent(b.id(), b) != null) {
                    errors.add("blocks: duplicate id " + b.id());
                }
            });
        }
        List<Connection> connections = parseConnections(definition, blocks, errors);
        String start = startBlock(blocks, connections, errors);
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.WORKFLOW_VALIDATION_FAILED, "The workflow definition is invalid", errors);
        }
        return new WorkflowGraph(blocks, connections, start);
    }

    /** Parses one block; adds to errors and returns empty when it cannot. */
    public Optional<Block> parseBlock(JsonNode node, List<String> errors) {
        String id = node.path("id").asText("");
        if (id.isBlank()) {
            errors.add("blocks: a block has no id");
            return Optional.empty();
        }
        String typeName = node.path("type").asText("");
        Optional<BlockType> type = BlockType.fromWire(typeName);
        if (type.isEmpty()) {
            errors.add("blocks." + id + ": unknown type '" + typeName + "'");
            return Optional.empty();
        }
        JsonNode p = node.path("parameters");
        boolean cof = node.path("continue_on_failure").asBoolean(false);
        Fields f = new Fields(id, p, errors);
        int before = errors.size();
        Block block = switch (type.get()) {
            case NAVIGATION -> new Block.NavigationBlock(id, cof, agent(f, true));
            case TASK -> new Block.TaskBlock(id, cof, agent(f, false));
            case EXTRACTION -> new Block.ExtractionBlock(id, cof, f.required("data_extraction_goal"),
                    f.optional("data_schema"));
            case LOOP -> new Block.LoopBlock(id, cof, f.required("loop_over"), f.idList("loop_blocks"));
            case CONDITION -> new Block.ConditionBlock(id, cof, f.text("condition_expression"));
            case CODE -> new Block.CodeBlock(id, cof, f.text("code"));
            case WAIT -> new Block.WaitBlock(id, cof, f.required("seconds"));
            case HTTP_REQUEST -> new Block.HttpRequestBlock(id, cof, f.optional("method"), f.required("url"),
                    f.optional("headers"), f.optional("body"), f.optional("timeout_seconds"));
            case TEXT_PROMPT -> new Block.TextPromptBlock(id, cof, f.required("prompt"), f.optional("json_schema"));
            case LOGIN -> new Block.LoginBlock(id, cof, login(f));
        };
        return errors.size() == before ? Optional.of(block) : Optional.empty();
    }

    private static Block.AgentParameters agent(Fields f, boolean goalRequired) {
        JsonNode goal = goalRequired ? f.required("navigation_goal") : f.optional("navigation_goal");
        JsonNode extraction = f.optional("data_extraction_goal");
        if (!goalRequired && goal.isNull() && extraction.isNull()) {
            f.errors.add("blocks." + f.id + ": a task block needs navigation_goal or data_extraction_goal");
        }
        return new Block.AgentParameters(f.optional("url"), goal, f.optional("navigation_payload"), extraction,
                f.optional("data_schema"), f.optional("max_steps"), f.optional("error_code_mapping"),
                f.optional("credential_id"), f.optional("totp_identifier"), f.optional("totp_verification_url"),
                f.optional("run_mode"), f.optional("cache_key"));
    }

    /** A login block: url and credential_id required; the goal has a default. */
    private static Block.AgentParameters login(Fields f) {
        JsonNode goal = f.optional("navigation_goal");
        return new Block.AgentParameters(f.required("url"), goal.isNull()
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(Block.LoginBlock.DEFAULT_GOAL) : goal,
                f.optional("navigation_payload"), NullNode.getInstance(), NullNode.getInstance(),
                f.optional("max_steps"), f.optional("error_code_mapping"), f.required("credential_id"),
                f.optional("totp_identifier"), f.optional("totp_verification_url"), f.optional("run_mode"), f.optional("cache_key"));
    }

    private static List<Connection> parseConnections(JsonNode definition, Map<String, Block> blocks,
                                                     List<String> errors) {
        List<Connection> connections = new ArrayList<>();
        JsonNode nodes = definition == null ? NullNode.getInstance() : definition.path("connections");
        for (JsonNode c : nodes) {
            String source = c.path("source").asText("");
            String target = c.path("target").asText("");
            if (!blocks.containsKey(source) || !blocks.containsKey(target)) {
                errors.add("connections: " + source + " -> " + target + " names an unknown block");
                continue;
            }
            JsonNode condition = c.path("condition");
            Optional<String> cond = condition.isMissingNode() || condition.isNull()
                    ? Optional.empty() : Optional.of(condition.asText());
            connections.add(new Connection(source, target, cond));
        }
        return connections;
    }

    private static String startBlock(Map<String, Block> blocks, List<Connection> connections, List<String> errors) {
        Set<String> excluded = new HashSet<>();
        connections.forEach(c -> excluded.add(c.target()));
        blocks.values().forEach(b -> {
            if (b instanceof Block.LoopBlock loop) {
                excluded.addAll(loop.loopBlocks());
                loop.loopBlocks().stream().filter(id -> !blocks.containsKey(id)).forEach(id ->
                        errors.add("blocks." + loop.id() + ": loop_blocks names unknown block " + id));
            }
        });
        List<String> starts = blocks.keySet().stream().filter(id -> !excluded.contains(id)).toList();
        if (starts.size() != 1 && !blocks.isEmpty()) {
            errors.add("the workflow must have exactly one start block, found " + starts);
            return null;
        }
        return starts.isEmpty() ? null : starts.get(0);
    }

    /** Reads parameters of one block, collecting errors. */
    private static final class Fields {
        final String id;
        final JsonNode params;
        final List<String> errors;

        Fields(String id, JsonNode params, List<String> errors) {
            this.id = id;
            this.params = params;
            this.errors = errors;
        }

        JsonNode optional(String name) {
            JsonNode v = params.path(name);
            return v.isMissingNode() ? NullNode.getInstance() : v;
        }

        JsonNode required(String name) {
            JsonNode v = optional(name);
            if (v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                errors.add("blocks." + id + ": parameter " + name + " is required");
            }
            return v;
        }

        String text(String name) {
            JsonNode v = required(name);
            return v.isNull() ? "" : v.asText();
        }

        List<String> idList(String name) {
            JsonNode v = optional(name);
            List<String> ids = new ArrayList<>();
            if (!v.isArray()) {
                errors.add("blocks." + id + ": parameter " + name + " must be a list of block ids");
                return ids;
            }
            v.forEach(n -> ids.add(n.asText()));
            return ids;
        }
    }
}
