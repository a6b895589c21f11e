package io.skyvern.browser;

import java.util.Objects;

/** Which option of a select to choose: by its visible label, its value, or its 0-based index. */
public sealed interface OptionChoice {

    /** Chooses the option whose label is exactly this text. */
    record Label(String label) implements OptionChoice {
        public Label {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Chooses the option whose value attribute is exactly this text. */
    record Value(String value) implements OptionChoice {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Chooses the option at this 0-based position. */
    record Index(int index) implements OptionChoice {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("option index must be >= 0, was " + index);
            }
        }
    }

    static OptionChoice label(String label) {
        return new Label(label);
    }

    static OptionChoice value(String value) {
        return new Value(value);
    }

    static OptionChoice index(int index) {
        return new Index(index);
    }
}
