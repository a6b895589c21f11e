package io.skyvern.server.dashboard;

import io.javalin.http.Context;
import io.skyvern.task.TaskStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The runs list's filters, read leniently from the query: a value that does not parse is ignored. */
public record RunFilter(String status, String text, String from, int page) {
    static final List<String> STATUSES = Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).toList();

    static RunFilter of(Context ctx) {
        String status = ctx.queryParam("status");
        status = status != null && STATUSES.contains(status) ? status : "";
        String text = Optional.ofNullable(ctx.queryParam("q")).map(String::trim).orElse("");
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("");
        int page = 1;
        try {
            page = Math.max(1, Math.min(10_000, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("1"))));
        } catch (NumberFormatException ignored) {
            // page 1
        }
        return new RunFilter(status, text.length() > 200 ? text.substring(0, 200) : text, createdAfterText(from), page);
    }

    /** The status asked for (tasks and workflow runs share the names); empty for any. */
    Optional<String> statusFilter() {
        return status.isEmpty() ? Optional.empty() : Optional.of(status);
    }

    Optional<String> search() {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    Optional<Instant> createdAfter() {
        return from.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The query string of another page with the same filters. */
    public String pageLink(int otherPage) {
        return "/ui/runs?status=" + enc(status) + "&q=" + enc(text) + "&from=" + enc(from) + "&page=" + otherPage;
    }

    private static String createdAfterText(String from) {
        try {
            LocalDate date = LocalDate.parse(from.trim());
            return date.getYear() >= 1970 && date.getYear() <= 9999 ? date.toString() : "";
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
