package io.skyvern.script;

import java.util.List;

/** A script with its versions, newest first. */
public record ScriptDetails(Script script, List<ScriptVersion> versions) {
    public ScriptDetails {
        versions = List.copyOf(versions);
    }
}
