package io.skyvern.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTML of {@link ReplaySite}'s second flow, which crosses a frame from another origin and a new
 * tab: a start page links to a newsletter page (a model follows it with goto_url on the link), which embeds a sign-up form served by another origin; once subscribed, the frame
 * offers a receipt link that opens in a new tab; the receipt is confirmed there and shows a code.
 * The restyled variant moves the frame (other id, wrappers, an unrelated frame from the same origin
 * before it) and the controls inside it, keeping their texts and roles.
 */
final class ReplayWidgetPages {
    private ReplayWidgetPages() {
    }

    /** The receipt code the last page shows for a subscriber. */
    static String receiptCode(String email) {
        return "RCPT-" + email.replaceAll("@.*", "").replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** On the page's origin: where the flow starts, a link to the newsletter page. */
    static String start(String frameOrigin, boolean restyled) {
        String href = "/newsletter?frame=" + enc(frameOrigin);
        return restyled ? "<nav><ul><li><a class=\"n1\" href=\"/about\">About us</a></li><li><a class=\"n2\" href=\""
                + href + "\">Newsletter</a></li></ul></nav><h1>News</h1>"
                : "<h1>News</h1><p>Read our <a id=\"nl\" href=\"" + href + "\">Newsletter</a>.</p>";
    }

    /** On the page's origin: the newsletter page, its sign-up frame from {@code frameOrigin}. */
    static String newsletter(String frameOrigin, String selfOrigin, boolean restyled) {
        String src = frameOrigin + "/signup-frame?back=" + enc(selfOrigin);
        String frame = " title=\"Sign-up\" src=\"" + src + "\" style=\"width:460px;height:180px\"></iframe>";
        if (!restyled) {
            return "<h1>Newsletter</h1><p>Sign up in the form below, then open your receipt.</p>"
                    + "<iframe id=\"signup\"" + frame;
        }
        return "<main class=\"page\"><header><h1>Newsletter</h1></header>"
                + "<aside><iframe title=\"Partners\" src=\"" + frameOrigin + "/partner-frame\" style=\"width:300px;height:80px\"></iframe></aside>"
                + "<section class=\"card\"><div class=\"inner\"><p>Sign up in the form below, then open your receipt.</p>"
                + "<iframe id=\"nl-frame-7\" class=\"embed\"" + frame + "</div></section></main>";
    }

    /** On the frame's origin: the sign-up form. */
    static String signupFrame(String back, boolean restyled) {
        if (!restyled) {
            return "<form action=\"/signup-frame/sent\">" + hidden("back", back)
                    + "<label for=\"em\">Email</label><input id=\"em\" name=\"email\" type=\"email\">"
                    + "<button id=\"sub\">Subscribe</button></form>";
        }
        return "<div class=\"wrap\"><form action=\"/signup-frame/sent\" class=\"nl\">" + hidden("back", back)
                + "<div class=\"row\"><span class=\"hint\">We never share it.</span>"
                + "<label for=\"x-mail\">Email</label><div><input id=\"x-mail\" class=\"i\" name=\"email\" type=\"email\"></div></div>"
                + "<p><button class=\"go\" id=\"b17\">Subscribe</button></p></form></div>";
    }

    /** On the frame's origin, after sign-up: the link that opens the receipt in a new tab. */
    static String signupSent(String email, String back) {
        return "<p>Subscribed: " + escape(email) + "</p><a href=\"" + escape(back) + "/receipt?email=" + enc(email)
                + "\" target=\"_blank\">Open your receipt</a>";
    }

    static String partnerFrame() {
        return "<p>Our partners</p><a href=\"/partner-frame\">Partners</a>";
    }

    /** On the page's origin, in the new tab. */
    static String receipt(String email, boolean restyled) {
        String button = restyled ? "<div class=\"actions\"><button class=\"c\">Confirm receipt</button></div>"
                : "<button id=\"confirm\">Confirm receipt</button>";
        return "<h1>Receipt</h1><form action=\"/receipt/done\">" + hidden("email", email) + "<p>For " + escape(email)
                + "</p>" + button + "</form>";
    }

    static String receiptDone(String email) {
        return "<h1>Receipt confirmed</h1><p>Receipt code: " + receiptCode(email) + "</p>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
