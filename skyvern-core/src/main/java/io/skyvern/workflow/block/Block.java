package io.skyvern.workflow.block;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One block of a workflow definition. Parameters that may hold templates are kept as raw
 * {@link JsonNode}s; the engine renders them when the block runs. Immutable.
 */
public sealed interface Block {
    String id();

    BlockType type();

    /** When true a failure of this block is recorded and the walk goes on. */
    boolean continueOnFailure();

    /** The agent's parameters shared by navigation and task blocks (all raw templates). */
    /**
     * {@code runMode} (agent, replay or auto; null node: the run's) and {@code cacheKey} (a template
     * over the block's payload; null node: the run's key with the block id, else derived) choose the
     * script the block replays or records, as a task's do.
     */
    record AgentParameters(JsonNode url, JsonNode navigationGoal, JsonNode navigationPayload,
                           JsonNode dataExtractionGoal, JsonNode dataSchema, JsonNode maxSteps,
                           JsonNode errorCodeMapping, JsonNode credentialId, JsonNode totpIdentifier,
                           JsonNode totpVerificationUrl, JsonNode runMode, JsonNode cacheKey) {
        public AgentParameters {
            runMode = runMode == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : runMode;
            cacheKey = cacheKey == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : cacheKey;
        }

        /** Without replay settings (the run's apply). */
        public AgentParameters(JsonNode url, JsonNode navigationGoal, JsonNode navigationPayload,
                               JsonNode dataExtractionGoal, JsonNode dataSchema, JsonNode maxSteps,
                               JsonNode errorCodeMapping, JsonNode credentialId, JsonNode totpIdentifier,
                               JsonNode totpVerificationUrl) {
            this(url, navigationGoal, navigationPayload, dataExtractionGoal, dataSchema, maxSteps, errorCodeMapping,
                    credentialId, totpIdentifier, totpVerificationUrl, null, null);
        }

        /** Without login settings. */
        public AgentParameters(JsonNode url, JsonNode navigationGoal, JsonNode navigationPayload,
                               JsonNode dataExtractionGoal, JsonNode dataSchema, JsonNode maxSteps,
                               JsonNode errorCodeMapping) {
            this(url, navigationGoal, navigationPayload, dataExtractionGoal, dataSchema, maxSteps, errorCodeMapping,
                    com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                    com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                    com.fasterxml.jackson.databind.node.NullNode.getInstance());
        }
    }

    /**
     * Signs in with a stored credential: the agent on {@code url} with the credential's values as
     * placeholders (typed only on its allowed domains) and, for a second factor, its TOTP secret or
     * the block's totp_identifier / totp_verification_url. The goal defaults to
     * {@link #DEFAULT_GOAL}.
     */
    record LoginBlock(String id, boolean continueOnFailure, AgentParameters agent) implements Block {
        public static final String DEFAULT_GOAL = "Sign in and reach the signed-in page";

        public LoginBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public BlockType type() {
            return BlockType.LOGIN;
        }
    }

    record NavigationBlock(String id, boolean continueOnFailure, AgentParameters agent) implements Block {
        public NavigationBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public BlockType type() {
            return BlockType.NAVIGATION;
        }
    }

    record TaskBlock(String id, boolean continueOnFailure, AgentParameters agent) implements Block {
        public TaskBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public BlockType type() {
            return BlockType.TASK;
        }
    }

    record ExtractionBlock(String id, boolean continueOnFailure, JsonNode dataExtractionGoal, JsonNode dataSchema)
            implements Block {
        public ExtractionBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dataExtractionGoal, "dataExtractionGoal");
        }

        @Override
        public BlockType type() {
            return BlockType.EXTRACTION;
        }
    }

    /** Runs {@code loopBlocks} (ids, in this order) once per item of the rendered {@code loopOver}. */
    record LoopBlock(String id, boolean continueOnFailure, JsonNode loopOver, List<String> loopBlocks)
            implements Block {
        public LoopBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(loopOver, "loopOver");
            loopBlocks = List.copyOf(loopBlocks);
        }

        @Override
        public BlockType type() {
            return BlockType.LOOP;
        }
    }

    record ConditionBlock(String id, boolean continueOnFailure, String conditionExpression) implements Block {
        public ConditionBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(conditionExpression, "conditionExpression");
        }

        @Override
        public BlockType type() {
            return BlockType.CONDITION;
        }
    }

    /** JavaScript run in the page as a function body; not templated (it sees params and blocks). */
    record CodeBlock(String id, boolean continueOnFailure, String code) implements Block {
        public CodeBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public BlockType type() {
            return BlockType.CODE;
        }
    }

    record WaitBlock(String id, boolean continueOnFailure, JsonNode seconds) implements Block {
        public WaitBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(seconds, "seconds");
        }

        @Override
        public BlockType type() {
            return BlockType.WAIT;
        }
    }

    record HttpRequestBlock(String id, boolean continueOnFailure, JsonNode method, JsonNode url, JsonNode headers,
                            JsonNode body, JsonNode timeoutSeconds) implements Block {
        public HttpRequestBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public BlockType type() {
            return BlockType.HTTP_REQUEST;
        }
    }

    record TextPromptBlock(String id, boolean continueOnFailure, JsonNode prompt, JsonNode jsonSchema)
            implements Block {
        public TextPromptBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(prompt, "prompt");
        }

        @Override
        public BlockType type() {
            return BlockType.TEXT_PROMPT;
        }
    }
}
