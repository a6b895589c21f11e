package io.skyvern.browser.playwright;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import io.skyvern.netpolicy.NetworkPolicy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds a browser context to the {@link NetworkPolicy}. Every navigation request (top-level and
 * frames) is checked before it is sent and aborted when the policy refuses its URL. Playwright does
 * not route the hops of a redirect, so each redirected navigation request and each committed frame
 * URL is checked as well; a refused one is remembered and {@link #takeViolation} reports it, after
 * which the session leaves the page (about:blank) and fails the operation, so nothing from the
 * refused address reaches a snapshot, the model or an artifact. Schemes other than http(s) are
 * refused except about:, data: and blob:. Lane thread only (Playwright calls the handlers there).
 */
final class NavigationGuard {
    private static final Set<String> INERT_SCHEMES = Set.of("about", "data", "blob");

    private final NetworkPolicy policy;
    private final AtomicReference<String> violation = new AtomicReference<>();

    NavigationGuard(NetworkPolicy policy) {
        this.policy = policy;
    }

    /** Installs the checks on the context and its first page. */
    void install(BrowserContext context, Page page) {
        context.route(url -> true, this::route);
        page.onRequest(this::redirected);
        page.onFrameNavigated(this::committed);
    }

    private void route(Route route) {
        Request request = route.request();
        if (request.isNavigationRequest()) {
            Optional<String> refused = refusal(request.url());
            if (refused.isPresent()) {
                violation.compareAndSet(null, refused.get());
                route.abort("blockedbyclient");
                return;
            }
        }
        route.resume();
    }

    private void redirected(Request request) {
        if (request.isNavigationRequest() && request.redirectedFrom() != null) {
            refusal(request.url()).ifPresent(r -> violation.compareAndSet(null, r));
        }
    }

    private void committed(Frame frame) {
        refusal(frame.url()).ifPresent(r -> violation.compareAndSet(null, r));
    }

    Optional<String> refusal(String url) {
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (INERT_SCHEMES.contains(scheme) || scheme.equals("chrome-error")) {
            return Optional.empty();
        }
        return policy.refusal(url).map(reason -> url + ": " + reason);
    }

    /** The first refused navigation since the last call, if any (and forgets it). */
    Optional<String> takeViolation() {
        return Optional.ofNullable(violation.getAndSet(null));
    }
}
