package io.skyvern.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt writes simple attribute values bare ({@code <input id=e3 type=email>}, which HTML allows
 * and which saves two tokens a value); scripted models match elements by their quoted form
 * ({@code id="(e\d+)"}). This puts the quotes back inside tags so one pattern reads either form.
 */
public final class QuotedAttributes {
    private static final Pattern TAG = Pattern.compile("<[a-z][\\w-]*(?:\\s[^<>]*)?>");
    private static final Pattern BARE = Pattern.compile("(\\s[a-zA-Z][\\w:-]*)=([^\\s\"'=<>`]+)(?=[\\s>])");

    private QuotedAttributes() {
    }

    public static String quote(String text) {
        Matcher tag = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (tag.find()) {
            String quoted = BARE.matcher(tag.group()).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=\"" + m.group(2) + "\""));
            tag.appendReplacement(out, Matcher.quoteReplacement(quoted));
        }
        tag.appendTail(out);
        return out.toString();
    }
}
