package io.skyvern.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Conversions between Java values and columns, the same on H2 and PostgreSQL: instants travel as
 * UTC {@link OffsetDateTime} (so the JVM time zone never matters), JSON as text.
 */
final class SqlValues {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private SqlValues() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SkyvernException(ErrorCode.INTERNAL_SERVER_ERROR, "Cannot write JSON column: "
                    + e.getOriginalMessage(), List.of(), Map.of(), e);
        }
    }

    static JsonNode jsonNode(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("Column " + column + " does not hold JSON", e);
        }
    }

    static Map<String, String> stringMap(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("Column " + column + " does not hold a JSON object of strings", e);
        }
    }

    /** The first {@code max} characters, for the sort-key columns. */
    static String prefix(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
