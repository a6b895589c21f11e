package io.skyvern.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link ScriptedLlmServer} answers to one request: model content (with token usage), a delay
 * before another reply, a body that is not JSON, an HTTP error, or a dropped connection.
 */
public sealed interface ScriptedReply {
    /** Token counts of -1 mean "estimate from the text" (about four characters a token). */
    record Content(String text, long inputTokens, long outputTokens) implements ScriptedReply {
        public Content {
            Objects.requireNonNull(text, "text");
        }
    }

    record Delayed(long millis, ScriptedReply then) implements ScriptedReply {
        public Delayed {
            Objects.requireNonNull(then, "then");
            if (millis < 0) {
                throw new IllegalArgumentException("millis must not be negative");
            }
        }
    }

    /** A raw HTTP body sent as is with status 200 (a broken proxy, a confused server). */
    record Garbage(String body) implements ScriptedReply {
        public Garbage {
            Objects.requireNonNull(body, "body");
        }
    }

    /** An error in the protocol's error format, optionally with a Retry-After header (seconds). */
    record HttpError(int status, String message, OptionalInt retryAfterSeconds) implements ScriptedReply {
        public HttpError {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        }
    }

    /** The connection is closed without any response. */
    record Drop() implements ScriptedReply {
    }

    /** Model content with estimated token usage. */
    static ScriptedReply content(String text) {
        return new Content(text, -1, -1);
    }

    static ScriptedReply content(String text, long inputTokens, long outputTokens) {
        return new Content(text, inputTokens, outputTokens);
    }

    /** Model content that is {@code value} serialised as JSON (a Map, a record, a JsonNode…). */
    static ScriptedReply json(Object value) {
        try {
            return content(new ObjectMapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value, e);
        }
    }

    static ScriptedReply delayed(long millis, ScriptedReply then) {
        return new Delayed(millis, then);
    }

    static ScriptedReply garbage(String body) {
        return new Garbage(body);
    }

    static ScriptedReply error(int status, String message) {
        return new HttpError(status, message, OptionalInt.empty());
    }

    static ScriptedReply rateLimited(int retryAfterSeconds) {
        return new HttpError(429, "Rate limit reached (scripted)", OptionalInt.of(retryAfterSeconds));
    }

    static ScriptedReply serverError() {
        return error(500, "The server had an error (scripted)");
    }

    static ScriptedReply drop() {
        return new Drop();
    }
}
