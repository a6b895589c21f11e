/** /api/v1/artifacts: an artifact's metadata and its bytes, for its own organisation only. */
package io.skyvern.server.artifact;
