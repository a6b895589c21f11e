package io.skyvern.agent;

import java.util.Objects;

/**
 * What the text of an input action becomes once its placeholders are resolved: the text to type,
 * or why it may not be typed (a secret limited to other domains, no one-time code arrived, the
 * run was canceled while waiting). A refusal never holds a secret value.
 */
public sealed interface SecretTyping {
    record Ready(String text) implements SecretTyping {
        public Ready {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Ready[***]";
        }
    }

    record Refused(String reason) implements SecretTyping {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
