package io.skyvern.server.script;

import io.skyvern.agent.ScriptStep;
import io.skyvern.script.ScriptDetails;
import io.skyvern.script.ScriptVersion;

import java.time.Instant;
import java.util.List;

/**
 * A script with its versions, newest first, each with its steps: the page each expects and its
 * actions with their element descriptors (secrets only as placeholders).
 */
public record ScriptDetailsResponse(String scriptId, String organizationId, String cacheKey, int latestVersion,
                                    Instant createdAt, Instant modifiedAt, List<Version> versions) {
    /** One version of the script. */
    public record Version(int version, String taskId, Instant createdAt, List<ScriptStep> steps) {
        static Version of(ScriptVersion v) {
            return new Version(v.version(), v.taskId(), v.createdAt(), v.steps());
        }
    }

    public static ScriptDetailsResponse of(ScriptDetails d) {
        var s = d.script();
        return new ScriptDetailsResponse(s.scriptId(), s.organizationId(), s.cacheKey(), s.latestVersion(),
                s.createdAt(), s.modifiedAt(), d.versions().stream().map(Version::of).toList());
    }
}
