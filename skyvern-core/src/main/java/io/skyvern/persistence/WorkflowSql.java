package io.skyvern.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Value conversions shared by the workflow repositories: instants as {@code TIMESTAMP WITH TIME
 * ZONE} through {@link OffsetDateTime} (the one type H2 and PostgreSQL both map without a time
 * zone guess), JSON documents as text.
 */
final class WorkflowSql {
    private WorkflowSql() {
    }

    static Argument time(Instant instant) {
        return (position, statement, ctx) -> {
            if (instant == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
            }
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SkyvernException(ErrorCode.INTERNAL_SERVER_ERROR, "Cannot serialise a JSON document",
                    java.util.List.of(), java.util.Map.of(), e);
        }
    }

    static JsonNode json(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new SkyvernException(ErrorCode.INTERNAL_SERVER_ERROR, "Stored JSON in " + column + " is corrupt",
                    java.util.List.of(), java.util.Map.of(), e);
        }
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A LIKE pattern matching {@code term} anywhere, lower-cased, with '!' as the escape. */
    static String containsPattern(String term) {
        String escaped = term.toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
