package io.skyvern.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import io.skyvern.common.Json;

import java.io.PrintWriter;
import io.skyvern.common.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text and JSON rendering. JSON uses the API's conventions (snake_case, lower-case enum values,
 * ISO-8601 instants) so that the CLI's output reads like the REST API's {@code data}.
 */
final class Output {
    private static volatile ObjectMapper mapper;

    private Output() {
    }

    static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            m = Json.newMapper();
            m.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
            m.enable(SerializationFeature.INDENT_OUTPUT);
            mapper = WireNames.register(m);
        }
        return m;
    }

    static void json(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    static String toJson(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON", e);
        }
    }

    /** A list as the API answers it: the items under {@code itemsName}, then the {@code pagination} block. */
    static Map<String, Object> page(String itemsName, Page<?> page) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", page.page());
        pagination.put("page_size", page.pageSize());
        pagination.put("total_count", page.totalCount());
        pagination.put("total_pages", page.totalPages());
        pagination.put("has_next", page.hasNext());
        pagination.put("has_prev", page.hasPrev());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(itemsName, page.items());
        data.put("pagination", pagination);
        return data;
    }

    /** Compact one-line JSON for values shown inside text output. */
    static String inline(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** A left-aligned table: a header row, then one row per item. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String value = cell(row, i);
                line.append(i == widths.length - 1 ? value : pad(value, widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }

    private static String pad(String value, int width) {
        StringBuilder b = new StringBuilder(value);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
