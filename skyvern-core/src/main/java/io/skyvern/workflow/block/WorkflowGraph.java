package io.skyvern.workflow.block;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed definition: blocks by id (in definition order), connections, and the start block (the
 * one top-level block no connection leads to). Immutable.
 */
public record WorkflowGraph(Map<String, Block> blocks, List<Connection> connections, String startBlockId) {
    public WorkflowGraph {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        connections = List.copyOf(connections);
        if (!blocks.containsKey(startBlockId)) {
            throw new IllegalArgumentException("start block " + startBlockId + " is not a block");
        }
    }

    public Optional<Block> block(String id) {
        return Optional.ofNullable(blocks.get(id));
    }

    public List<Connection> outgoing(String blockId) {
        return connections.stream().filter(c -> c.source().equals(blockId)).toList();
    }

    /** Ids of blocks that run only inside a loop. */
    public Set<String> loopBodyIds() {
        Set<String> ids = new HashSet<>();
        blocks.values().forEach(b -> {
            if (b instanceof Block.LoopBlock loop) {
                ids.addAll(loop.loopBlocks());
            }
        });
        return ids;
    }
}
