/** The /api/v1/workflows endpoints: definitions (JSON or YAML), runs and analytics over WorkflowService. */
package io.skyvern.server.workflow;
