package io.skyvern.browser;

import java.net.URI;

/**
 * Which page a URL shows, for finding it again on a later run: host, port and path, without the
 * scheme (a site moving to https is the same page), the query and fragment (they carry data, even
 * secrets) and any user:password part. A replay checks a step's page by it, finds a frame that
 * moved by it, and the exported program picks its tab by it. Stateless.
 */
public final class PageAddress {
    private PageAddress() {
    }

    /** {@code //host:port/path} (no port when the URL has none, no trailing slash); empty for about:blank, data: and bad URLs. */
    public static String of(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() == null) {
                return "";
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return "//" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Whether two URLs show the same page (both must be real addresses). */
    public static boolean same(String expected, String actual) {
        String a = of(expected);
        return !a.isEmpty() && a.equals(of(actual));
    }
}
