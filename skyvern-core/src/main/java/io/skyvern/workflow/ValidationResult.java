package io.skyvern.workflow;

import java.util.List;

/** The outcome of workflow validation (spec: is_valid, errors, warnings, block_count, parameter_count). */
public record ValidationResult(List<String> errors, List<String> warnings, int blockCount, int parameterCount) {
    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
