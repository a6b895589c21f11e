package io.skyvern.common;

import java.util.Locale;

/** Ascending or descending; parsed case-insensitively from "asc"/"desc". */
public enum SortOrder {
    ASC, DESC;

    public static SortOrder parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "sort_order must be one of asc, desc (got '" + value + "')");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
