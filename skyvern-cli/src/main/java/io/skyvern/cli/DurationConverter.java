package io.skyvern.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, or ISO {@code PT5M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        Duration duration;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            switch (unit) {
                case "ms":
                    duration = Duration.ofMillis(amount);
                    break;
                case "m":
                    duration = Duration.ofMinutes(amount);
                    break;
                case "h":
                    duration = Duration.ofHours(amount);
                    break;
                default:
                    duration = Duration.ofSeconds(amount);
            }
        } else {
            try {
                duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (e.g. 90s, 5m, 1h)");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
        }
        return duration;
    }
}
