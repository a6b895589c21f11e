/**
 * Replay scripts: a completed run becomes a versioned script under a cache key (per organisation),
 * so a later run with the same key can replay it without the model ({@link io.skyvern.common.RunMode}).
 * The service derives cache keys, stores versions, and keeps each run's mode and script.
 */
package io.skyvern.script;
