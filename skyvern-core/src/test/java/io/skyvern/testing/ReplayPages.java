package io.skyvern.testing;

import java.util.Map;

/** The HTML of {@link ReplaySite}'s pages, per variant. */
final class ReplayPages {
    private ReplayPages() {
    }

    static String login(ReplaySite.Variant variant) {
        return switch (variant) {
            case BASE -> "<h1>Welcome</h1><form method=\"post\" action=\"/login\">"
                    + "<label for=\"user\">Username</label><input id=\"user\" name=\"username\" type=\"text\">"
                    + "<label for=\"pw\">Password</label><input id=\"pw\" name=\"password\" type=\"password\">"
                    + "<button id=\"signin\" class=\"btn primary\" type=\"submit\">Sign in</button></form>";
            // Other ids and classes, wrappers, the password block first (CSS order puts it second on screen).
            case RESTYLED -> "<main class=\"shell\"><section><h1>Welcome</h1>"
                    + "<form method=\"post\" action=\"/login\" class=\"f2\" style=\"display:flex;flex-direction:column\">"
                    + "<div class=\"row\" style=\"order:2\"><span><label for=\"k9\">Password</label></span>"
                    + "<input id=\"k9\" class=\"in\" name=\"pass_field\" type=\"password\"></div>"
                    + "<div class=\"row\" style=\"order:1\"><label for=\"q3\">Username</label>"
                    + "<div><input id=\"q3\" class=\"in\" name=\"login_name\" type=\"text\"></div></div>"
                    + "<div class=\"actions\" style=\"order:3\"><button class=\"cta\" id=\"go-7\">Sign in</button></div>"
                    + "<script>document.querySelector('form').addEventListener('submit', e => {"
                    + "e.target.k9.name = 'password'; e.target.q3.name = 'username'; });</script>"
                    + "</form></section></main>";
            case RENAMED -> "<h1>Welcome</h1><form method=\"post\" action=\"/login\">"
                    + "<label for=\"user\">Username</label><input id=\"user\" name=\"username\" type=\"text\">"
                    + "<label for=\"pw\">Password</label><input id=\"pw\" name=\"password\" type=\"password\">"
                    + "<input class=\"btn primary\" type=\"submit\" value=\"Log in\"></form>";
            // The recorded id ("signin") is kept by a control that does something else: found by its id alone
            // it would be clicked blindly; its name tells it is not the one the script used.
            case RELABELED -> "<h1>Welcome</h1><form method=\"post\" action=\"/login\">"
                    + "<label for=\"user\">Username</label><input id=\"user\" name=\"username\" type=\"text\">"
                    + "<label for=\"pw\">Password</label><input id=\"pw\" name=\"password\" type=\"password\">"
                    + "<button id=\"signin\" type=\"submit\" formaction=\"/register\">Create an account</button>"
                    + "<input class=\"btn primary\" type=\"submit\" value=\"Log in\"></form>";
            case SPLIT -> "<h1>Welcome</h1><form method=\"post\" action=\"/login\">"
                    + "<label for=\"user\">Username</label><input id=\"user\" name=\"username\" type=\"text\">"
                    + "<button type=\"submit\">Next</button></form>";
        };
    }

    static String password(String username) {
        return "<h1>Your password</h1><form method=\"post\" action=\"/login\">"
                + "<input type=\"hidden\" name=\"username\" value=\"" + username + "\">"
                + "<label for=\"pw\">Password</label><input id=\"pw\" name=\"password\" type=\"password\">"
                + "<button type=\"submit\">Sign in</button></form>";
    }

    static String profile(String user, boolean restyled) {
        String select = restyled
                ? "<div class=\"x\"><label for=\"c-2\">Country</label><select id=\"c-2\" name=\"country\">"
                + "<option>Japan</option><option>France</option></select></div>"
                : "<label for=\"country\">Country</label><select id=\"country\" name=\"country\">"
                + "<option>France</option><option>Japan</option></select>";
        return "<h1>Profile</h1><form action=\"/plan\">" + hidden("u", user) + select
                + (restyled ? "<p><button class=\"b2\">Continue</button></p>" : "<button id=\"cont\">Continue</button>")
                + "</form>";
    }

    static String plan(Map<String, String> q, boolean restyled) {
        String box = restyled
                ? "<div><label class=\"t\"><span>I accept the terms</span><input type=\"checkbox\" name=\"terms\" value=\"yes\"></label></div>"
                : "<label><input id=\"terms\" type=\"checkbox\" name=\"terms\" value=\"yes\">I accept the terms</label>";
        return "<h1>Plan</h1><form action=\"/confirm\">" + hidden("u", q.getOrDefault("u", ""))
                + hidden("country", q.getOrDefault("country", "")) + box + "<button>Next</button></form>";
    }

    static String confirm(Map<String, String> q, boolean restyled) {
        return "<h1>Confirm</h1>" + (restyled ? "<div><div>" : "") + "<form action=\"/done\">"
                + hidden("u", q.getOrDefault("u", "")) + hidden("country", q.getOrDefault("country", ""))
                + "<button class=\"" + (restyled ? "z" : "finish") + "\">Finish</button></form>"
                + (restyled ? "</div></div>" : "");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + value.replace("\"", "") + "\">";
    }
}
