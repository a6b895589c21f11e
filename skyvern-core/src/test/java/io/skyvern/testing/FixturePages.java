package io.skyvern.testing;

import java.util.Map;

/** The pages of {@link FixtureSite} that depend on the request. */
final class FixturePages {
    static final int PAGES = 3;
    static final int PER_PAGE = 5;

    private FixturePages() {
    }

    static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + escape(title) + "</title></head><body>" + body + "</body></html>";
    }

    static String step2(Map<String, String> step1) {
        String name = escape(step1.getOrDefault("name", ""));
        String email = escape(step1.getOrDefault("email", ""));
        return page("Application - step 2", """
                <h1>Application: step 2 of 2</h1>
                <p>Applicant: %s (%s)</p>
                <form method="post" action="/form/submit" enctype="multipart/form-data">
                  <input type="hidden" name="name" value="%s">
                  <input type="hidden" name="email" value="%s">
                  <label for="country">Country</label>
                  <select id="country" name="country">
                    <option value="">Choose…</option>
                    <option value="de">Germany</option>
                    <option value="fr">France</option>
                    <option value="jp">Japan</option>
                  </select>
                  <fieldset><legend>Plan</legend>
                    <label><input type="radio" name="plan" value="basic" checked> Basic</label>
                    <label><input type="radio" name="plan" value="pro"> Pro</label>
                  </fieldset>
                  <label for="document">Supporting document</label>
                  <input id="document" name="document" type="file">
                  <input id="terms" name="terms" type="checkbox"><label for="terms">I accept the terms</label>
                  <button type="submit">Submit application</button>
                </form>""".formatted(name, email, name, email));
    }

    static String list(String pageParam) {
        int page;
        try {
            page = Math.max(1, Math.min(PAGES, Integer.parseInt(pageParam)));
        } catch (NumberFormatException e) {
            page = 1;
        }
        StringBuilder items = new StringBuilder("<ul id=\"items\">");
        for (int i = 1; i <= PER_PAGE; i++) {
            int n = (page - 1) * PER_PAGE + i;
            items.append("<li>Item ").append(n).append("</li>");
        }
        items.append("</ul>");
        StringBuilder nav = new StringBuilder("<nav>");
        if (page > 1) {
            nav.append("<a href=\"/list?page=").append(page - 1).append("\">Previous</a> ");
        }
        nav.append("<span>Page ").append(page).append(" of ").append(PAGES).append("</span>");
        if (page < PAGES) {
            nav.append(" <a href=\"/list?page=").append(page + 1).append("\">Next</a>");
        }
        nav.append("</nav>");
        return page("Items - page " + page, "<h1>Items</h1>" + items + nav);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
