package io.skyvern.agent;

import java.util.Objects;

/**
 * Which option of a select to choose: by label, by value, by index, or a plain string that is
 * matched against labels first and then values.
 */
public record OptionChoice(Kind kind, String value) {
    public enum Kind { LABEL, VALUE, INDEX, LABEL_OR_VALUE }

    public OptionChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static OptionChoice labelOrValue(String text) {
        return new OptionChoice(Kind.LABEL_OR_VALUE, text);
    }
}
