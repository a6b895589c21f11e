/**
 * The file-system {@link io.skyvern.artifact.ArtifactStore}: artifacts under
 * {@code <dataDir>/artifacts/<organization>/<run>/<name>}, written atomically, confined to that
 * root whatever the names say.
 */
package io.skyvern.artifact.fs;
