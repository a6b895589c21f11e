/**
 * Workflows: versioned definitions of blocks and connections, their validation
 * ({@code WorkflowValidator} reports every error and the warnings), JSON/YAML documents
 * ({@code WorkflowDocuments}), runs and block runs. {@code WorkflowService} is the entry point;
 * storage is behind {@code WorkflowRepository} and {@code WorkflowRunRepository}, implemented in
 * {@code io.skyvern.persistence}. Runs are recorded as queued here; executing them is not.
 */
package io.skyvern.workflow;
