package io.skyvern.agent;

import java.util.Objects;

/** The system and user text of one LLM call; the screenshot travels beside it. */
public record AgentPrompt(String system, String user) {
    public AgentPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }

    public int length() {
        return system.length() + user.length();
    }
}
