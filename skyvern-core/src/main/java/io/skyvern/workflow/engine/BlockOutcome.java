package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.Objects;

/** How running one block ended. Expected outcomes are values, not exceptions. */
public sealed interface BlockOutcome {
    BlockUsage usage();

    record Succeeded(JsonNode output, BlockUsage usage) implements BlockOutcome {
        public Succeeded {
            output = output == null ? NullNode.getInstance() : output;
            Objects.requireNonNull(usage, "usage");
        }

        public Succeeded(JsonNode output) {
            this(output, BlockUsage.NONE);
        }
    }

    record Failed(String reason, BlockUsage usage) implements BlockOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(usage, "usage");
        }

        public Failed(String reason) {
            this(reason, BlockUsage.NONE);
        }
    }

    record Canceled(BlockUsage usage) implements BlockOutcome {
    }

    record TimedOut(BlockUsage usage) implements BlockOutcome {
    }
}
