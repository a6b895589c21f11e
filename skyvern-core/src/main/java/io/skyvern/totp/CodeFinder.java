package io.skyvern.totp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the one-time code in the text of an email or SMS: the 4 to 8 digit numbers in it (digits
 * split by one space or dash, as in "123 456", count as one); when there are several, the one right
 * after a word like "code", "OTP" or "passcode"; when that is still ambiguous, the candidates (and
 * only then) go to the model through a {@link Chooser}.
 */
public final class CodeFinder {
    /** Picks one of the candidates for the text, or none; backed by the LLM. */
    @FunctionalInterface
    public interface Chooser {
        Optional<String> choose(String content, List<String> candidates);
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,/:-])(\\d{3,4}[ -]\\d{3,4}|\\d{4,8})(?![\\d.,/:]\\d)");
    private static final Pattern KEYWORD = Pattern.compile(
            "(?i)(code|otp|passcode|pass code|pin|verification|one[- ]time|token|2fa|mfa)(\\s+(is|was|of))?"
                    + "[\\s:=#\"'-]{0,5}$");

    private CodeFinder() {
    }

    /** The candidates, in order of appearance, normalised (separators removed), 4 to 8 digits. */
    public static List<String> candidates(String content) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(content);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (digits.length() >= 4 && digits.length() <= 8) {
                found.add(digits);
            }
        }
        return new ArrayList<>(found);
    }

    /** The code of the text, or empty when none can be told apart. */
    public static Optional<String> find(String content, Optional<Chooser> chooser) {
        List<String> all = candidates(content);
        if (all.size() == 1) {
            return Optional.of(all.get(0));
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Set<String> afterKeyword = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(content);
        while (m.find()) {
            String before = content.substring(Math.max(0, m.start() - 40), m.start()).toLowerCase(Locale.ROOT);
            if (KEYWORD.matcher(before).find()) {
                afterKeyword.add(m.group(1).replaceAll("[ -]", ""));
            }
        }
        if (afterKeyword.size() == 1) {
            return Optional.of(afterKeyword.iterator().next());
        }
        return chooser.flatMap(c -> c.choose(content, all)).filter(all::contains);
    }
}
