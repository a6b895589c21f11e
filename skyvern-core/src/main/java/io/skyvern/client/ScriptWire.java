package io.skyvern.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.ScriptStep;
import io.skyvern.common.Json;
import io.skyvern.script.Script;
import io.skyvern.script.ScriptDetails;
import io.skyvern.script.ScriptVersion;

import java.time.Instant;
import java.util.List;

/** Reads the API's script objects into the core's records. Stateless. */
final class ScriptWire {
    private static final TypeReference<List<ScriptStep>> STEPS = new TypeReference<>() { };

    private ScriptWire() {
    }

    static Script script(JsonNode n) {
        return new Script(n.path("script_id").asText(), n.path("organization_id").asText(), n.path("cache_key").asText(),
                n.path("latest_version").asInt(), instant(n.path("created_at")), instant(n.path("modified_at")));
    }

    static ScriptDetails details(JsonNode n) {
        Script script = script(n);
        List<ScriptVersion> versions = WireReader.list(n.path("versions"), v -> new ScriptVersion(script.scriptId(),
                v.path("version").asInt(), v.path("task_id").isNull() ? null : v.path("task_id").asText(null),
                Json.mapper().convertValue(v.path("steps"), STEPS), instant(v.path("created_at"))));
        return new ScriptDetails(script, versions);
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
