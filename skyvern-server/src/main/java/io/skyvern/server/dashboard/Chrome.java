package io.skyvern.server.dashboard;

import io.skyvern.server.web.WebJars;

/** What every page's layout needs: its title, the organisation, the CSRF token, the asset URLs. */
public record Chrome(String title, String organizationName, String csrf, String section) {
    public static final String PICO = WebJars.url("org.webjars.npm", "picocss__pico", "css/pico.min.css");
    public static final String HTMX = WebJars.url("org.webjars.npm", "htmx.org", "dist/htmx.min.js");

    public boolean signedIn() {
        return !organizationName.isEmpty();
    }

    public String pico() {
        return PICO;
    }

    public String htmx() {
        return HTMX;
    }

    /** The htmx header attribute value that makes every htmx request carry the token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf + "\"}";
    }
}
