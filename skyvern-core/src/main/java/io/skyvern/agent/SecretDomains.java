package io.skyvern.agent;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The phishing guard of credentials: a secret limited to {@code allowed_domains} is typed only
 * into a page whose host is one of them or a subdomain of one ({@code example.com} allows
 * {@code login.example.com}, not {@code example.com.evil.net}). A leading {@code *.} is ignored.
 */
public final class SecretDomains {
    private SecretDomains() {
    }

    /** The domain in the form it is compared in (lower case, no {@code *.}, no trailing dot). */
    public static String normalize(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) {
            d = d.substring(2);
        }
        while (d.startsWith(".")) {
            d = d.substring(1);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** True when the domains are empty (no limit) or the page's host matches one. */
    public static boolean allows(List<String> domains, String pageUrl) {
        if (domains.isEmpty()) {
            return true;
        }
        Optional<String> host = host(pageUrl);
        return host.isPresent() && domains.stream().map(SecretDomains::normalize)
                .anyMatch(d -> host.get().equals(d) || host.get().endsWith("." + d));
    }

    static Optional<String> host(String url) {
        try {
            String host = URI.create(url == null ? "" : url.trim()).getHost();
            return host == null ? Optional.empty() : Optional.of(normalize(host.replaceAll("^\\[|]$", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
