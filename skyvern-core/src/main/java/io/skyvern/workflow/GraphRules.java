package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a workflow's graph: loop bodies name existing blocks, connections name existing
 * blocks and are not self-loops, the graph has no cycle and exactly one start block. Stateless.
 */
final class GraphRules {

    /** A block that passed its own id and type checks. */
    record BlockRef(int index, String id, String type, List<String> loopBlocks) {
    }

    private GraphRules() {
    }

    static void checkLoopBodies(Map<String, BlockRef> blocks, List<String> errors) {
        for (BlockRef block : blocks.values()) {
            for (String member : block.loopBlocks()) {
                if (member.equals(block.id())) {
                    errors.add("Loop block " + block.index() + ": cannot contain itself in 'loop_blocks'");
                } else if (!blocks.containsKey(member)) {
                    errors.add("Loop block " + block.index() + ": Unknown block ID '" + member + "' in 'loop_blocks'");
                }
            }
        }
    }

    /** Checks each connection and returns the edges (source to targets) of the valid ones. */
    static Map<String, List<String>> checkConnections(JsonNode connections, Map<String, BlockRef> blocks,
                                                      Set<String> allIds, List<String> errors) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < connections.size(); i++) {
            JsonNode connection = connections.get(i);
            if (!connection.isObject()) {
                errors.add("Connection " + i + ": must be an object");
                continue;
            }
            String source = endpoint(connection, "source", i, errors);
            String target = endpoint(connection, "target", i, errors);
            if (source == null || target == null) {
                continue;
            }
            boolean valid = true;
            if (!allIds.contains(source)) {
                errors.add("Connection " + i + ": Invalid source block ID '" + source + "'");
                valid = false;
            }
            if (!allIds.contains(target)) {
                errors.add("Connection " + i + ": Invalid target block ID '" + target + "'");
                valid = false;
            }
            if (source.equals(target)) {
                errors.add("Connection " + i + ": Block cannot connect to itself");
                valid = false;
            }
            checkCondition(connection, i, blocks.get(source), errors);
            if (valid && blocks.containsKey(source) && blocks.containsKey(target)) {
                edges.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
            }
        }
        return edges;
    }

    /** Reports each cycle found, naming its blocks in order, e.g. {@code a -> b -> a}. */
    static void checkCycles(Map<String, BlockRef> blocks, Map<String, List<String>> edges, List<String> errors) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (String start : blocks.keySet()) {
            if (!state.containsKey(start)) {
                visit(start, edges, state, new ArrayList<>(), errors);
            }
        }
    }

    /** Exactly one block without incoming connections, not counting loop-body blocks. */
    static void checkSingleStart(Map<String, BlockRef> blocks, Map<String, List<String>> edges, List<String> errors) {
        Set<String> notStarts = new HashSet<>();
        edges.values().forEach(notStarts::addAll);
        blocks.values().forEach(b -> b.loopBlocks().stream().filter(m -> !m.equals(b.id())).forEach(notStarts::add));
        Set<String> starts = new LinkedHashSet<>(blocks.keySet());
        starts.removeAll(notStarts);
        if (starts.isEmpty()) {
            errors.add("Workflow has no start block (every block has an incoming connection)");
        } else if (starts.size() > 1) {
            errors.add("Workflow has several start blocks: " + String.join(", ", starts)
                    + " (exactly one block may have no incoming connection)");
        }
    }

    private static void visit(String node, Map<String, List<String>> edges, Map<String, Integer> state,
                              List<String> path, List<String> errors) {
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            Integer s = state.get(next);
            if (s == null) {
                visit(next, edges, state, path, errors);
            } else if (s == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                cycle.add(next);
                errors.add("Workflow contains a cycle: " + String.join(" -> ", cycle));
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    private static String endpoint(JsonNode connection, String field, int index, List<String> errors) {
        JsonNode value = connection.get(field);
        if (value == null || value.isNull()) {
            errors.add("Connection " + index + ": Missing '" + field + "' field");
            return null;
        }
        if (!value.isTextual()) {
            errors.add("Connection " + index + ": Field '" + field + "' must be a block ID (string)");
            return null;
        }
        return value.asText();
    }

    private static void checkCondition(JsonNode connection, int index, BlockRef source, List<String> errors) {
        JsonNode condition = connection.get("condition");
        if (condition == null || condition.isNull()) {
            return;
        }
        if (!condition.isBoolean()) {
            errors.add("Connection " + index + ": Field 'condition' must be true or false");
        } else if (source != null && !source.type().equals("condition")) {
            errors.add("Connection " + index + ": Field 'condition' is only allowed on connections from a condition block");
        }
    }
}
