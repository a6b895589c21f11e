package io.skyvern.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a raw request of either protocol into a {@link RecordedRequest}, redacting credentials. */
final class RequestRecorder {
    private static final String REDACTED = "<redacted>";

    private RequestRecorder() {
    }

    static RecordedRequest record(int index, RecordedRequest.Protocol protocol, String path,
                                  Map<String, List<String>> rawHeaders, String raw) {
        Map<String, List<String>> headers = ScriptedLlmServer.lowerCase(rawHeaders);
        String credential = "";
        List<String> auth = headers.get("authorization");
        if (auth != null && !auth.isEmpty()) {
            String value = auth.get(0);
            credential = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : value;
            headers.put("authorization", List.of(REDACTED));
        }
        List<String> apiKey = headers.get("x-api-key");
        if (apiKey != null && !apiKey.isEmpty()) {
            credential = apiKey.get(0);
            headers.put("x-api-key", List.of(REDACTED));
        }
        JsonNode body = ScriptedLlmServer.parseOrMissing(raw);
        List<RecordedRequest.Message> messages = new ArrayList<>();
        JsonNode system = body.path("system");
        if (!system.isMissingNode() && !system.isNull()) {
            messages.add(message("system", system));
        }
        for (JsonNode message : body.path("messages")) {
            messages.add(message(message.path("role").asText(""), message.path("content")));
        }
        return new RecordedRequest(index, protocol, path, headers, raw, body, messages,
                credential.isEmpty() ? "" : ScriptedLlmServer.sha256(credential));
    }

    /** Content as a string or a list of parts (text, image_url, image). */
    private static RecordedRequest.Message message(String role, JsonNode content) {
        if (content.isTextual()) {
            return new RecordedRequest.Message(role, content.asText(), 0);
        }
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            if (type.equals("text")) {
                text.append(text.length() == 0 ? "" : "\n").append(part.path("text").asText(""));
            } else if (type.equals("image_url") || type.equals("image")) {
                images++;
            }
        }
        return new RecordedRequest.Message(role, text.toString(), images);
    }
}
