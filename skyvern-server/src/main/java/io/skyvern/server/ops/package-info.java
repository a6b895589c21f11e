/** Operational endpoints: /health and /metrics (Prometheus), and the HTTP metrics recorder. */
package io.skyvern.server.ops;
