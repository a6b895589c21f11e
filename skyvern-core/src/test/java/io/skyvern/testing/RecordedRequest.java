package io.skyvern.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request {@link ScriptedLlmServer} received. Credentials are not kept: the
 * {@code Authorization} and {@code x-api-key} header values read {@code <redacted>}, and
 * {@link #sentCredential(String)} compares against a SHA-256 of what was sent.
 *
 * @param index       0-based arrival order
 * @param protocol    which API the path belongs to
 * @param headers     lower-case header names to values
 * @param rawBody     the body as received
 * @param body        the body parsed (a missing node when it was not JSON)
 * @param messages    the conversation, flattened per message; Anthropic's top-level system comes first
 * @param credentialSha256 hex SHA-256 of the bearer token or x-api-key; empty when none was sent
 */
public record RecordedRequest(int index, Protocol protocol, String path, Map<String, List<String>> headers,
                              String rawBody, JsonNode body, List<Message> messages, String credentialSha256) {
    /** The wire protocol of a request. */
    public enum Protocol { OPENAI, ANTHROPIC }

    /** One message: role, its text parts joined by new lines, and how many images it carried. */
    public record Message(String role, String text, int imageCount) {
    }

    public RecordedRequest {
        headers = Map.copyOf(headers);
        messages = List.copyOf(messages);
    }

    /** The system prompt's opening words of the agent's completion check ({@code CompletionVerifier}). */
    public static final String COMPLETION_CHECK_MARKER = "You verify whether a browser automation agent has really completed its goal";

    /** Whether this is the agent's completion check rather than a step or an extraction. */
    public boolean isCompletionCheck() {
        return !messages.isEmpty() && messages.get(0).text().startsWith(COMPLETION_CHECK_MARKER);
    }

    /** All text of the conversation (system, user and assistant), joined by new lines; attribute values quoted ({@link QuotedAttributes}). */
    public String promptText() {
        StringBuilder all = new StringBuilder();
        for (Message message : messages) {
            all.append(message.text()).append('\n');
        }
        return QuotedAttributes.quote(all.toString());
    }

    /** Text of the last user message — usually the current step's prompt — attribute values quoted. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return QuotedAttributes.quote(messages.get(i).text());
            }
        }
        return "";
    }

    public int imageCount() {
        return messages.stream().mapToInt(Message::imageCount).sum();
    }

    public String model() {
        return body.path("model").asText("");
    }

    public boolean jsonMode() {
        return "json_object".equals(body.path("response_format").path("type").asText());
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the request carried exactly {@code apiKey} (as bearer token or x-api-key). */
    public boolean sentCredential(String apiKey) {
        return !credentialSha256.isEmpty() && credentialSha256.equals(ScriptedLlmServer.sha256(apiKey));
    }

    /** The first match of {@code regex} in the prompt: group 1 if the pattern has a group, else the match. */
    public Optional<String> find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(promptText());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.groupCount() >= 1 ? m.group(1) : m.group());
    }

    /** Every match of {@code regex} in the prompt (group 1 if any), in order. */
    public List<String> findAll(String regex) {
        Matcher m = Pattern.compile(regex).matcher(promptText());
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.groupCount() >= 1 ? m.group(1) : m.group());
        }
        return found;
    }
}
