/**
 * Artifacts: metadata of the files a run leaves behind (screenshots, element trees, LLM prompts
 * and responses, traces), the {@link io.skyvern.artifact.ArtifactStore} that keeps their bytes and
 * the {@link io.skyvern.artifact.ArtifactService} that records and serves them per organisation.
 */
package io.skyvern.artifact;
