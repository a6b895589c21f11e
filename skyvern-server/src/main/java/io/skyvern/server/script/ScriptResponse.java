package io.skyvern.server.script;

import io.skyvern.script.Script;

import java.time.Instant;

/** A script on the wire (list and header of the details). */
public record ScriptResponse(String scriptId, String organizationId, String cacheKey, int latestVersion,
                             Instant createdAt, Instant modifiedAt) {
    public static ScriptResponse of(Script s) {
        return new ScriptResponse(s.scriptId(), s.organizationId(), s.cacheKey(), s.latestVersion(), s.createdAt(),
                s.modifiedAt());
    }
}
