package io.skyvern.workflow;

/** A stored workflow version and the validation result (with warnings) it passed. */
public record SavedWorkflow(Workflow workflow, ValidationResult validation) {
}
