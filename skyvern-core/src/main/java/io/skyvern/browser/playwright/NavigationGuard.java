package io.skyvern.browser.playwright;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import io.skyvern.netpolicy.NetworkPolicy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds a browser context to the {@link NetworkPolicy}. Every navigation request (top-level and
 * frames) is checked before it is sent and aborted when the policy refuses its URL. Playwright does
 * not route the hops of a redirect (the browser's network stack follows them), so a GET navigation
 * of the session's first page (its frames included) is fetched here without following redirects ({@code route.fetch} with no redirects): a redirect
 * whose {@code Location} the policy refuses is aborted before the browser can request it, and an
 * allowed one is handed to the browser, which follows it. The hops after that one are not routed
 * either: each redirected navigation request and each committed frame URL is checked as the
 * browser issues it, and a refused one is remembered and {@link #takeViolation} reports it, after
 * which the session leaves the page (about:blank) and fails the operation, so nothing from the
 * refused address reaches a snapshot, the model or an artifact. Schemes other than http(s) are
 * refused except about:, data: and blob:. Lane thread only (Playwright calls the handlers there).
 */
final class NavigationGuard {
    private static final Set<String> INERT_SCHEMES = Set.of("about", "data", "blob");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final NetworkPolicy policy;
    private final AtomicReference<String> violation = new AtomicReference<>();

    NavigationGuard(NetworkPolicy policy) {
        this.policy = policy;
    }

    /**
     * Installs the checks on the context and its first page. The first page's own route (page
     * routes come before the context's) also holds back refused redirects; tabs it opens get the
     * context's route only, because fulfilling a popup's first request races with its creation.
     */
    void install(BrowserContext context, Page page) {
        context.route(url -> true, this::checkOnly);
        page.route(url -> true, this::route);
        page.onRequest(this::redirected);
        page.onFrameNavigated(this::committed);
    }

    private void route(Route route) {
        Request request = route.request();
        if (!request.isNavigationRequest()) {
            route.resume();
            return;
        }
        Optional<String> refused = refusal(request.url());
        if (refused.isPresent()) {
            violation.compareAndSet(null, refused.get());
            route.abort("blockedbyclient");
            return;
        }
        if (!isHttp(request.url()) || !"GET".equals(request.method())) {
            // A form's POST goes out as the browser sends it (intercepted requests do not carry
            // uploaded files); its redirect hops are checked as the browser issues them.
            route.resume();
            return;
        }
        APIResponse response;
        try {
            response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
        } catch (PlaywrightException e) {
            route.resume();  // unreachable or reset: let the browser fail it the way it reports such errors
            return;
        }
        Optional<String> hopRefused = redirectTarget(request.url(), response).flatMap(this::refusal);
        if (hopRefused.isPresent()) {
            violation.compareAndSet(null, hopRefused.get());
            route.abort("blockedbyclient");
            return;
        }
        route.fulfill(new Route.FulfillOptions().setResponse(response));
    }

    /** Where a redirect response sends the browser next (resolved against the request's URL). */
    private static Optional<String> redirectTarget(String from, APIResponse response) {
        if (!REDIRECTS.contains(response.status())) {
            return Optional.empty();
        }
        String location = response.headers().get("location");
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(from).resolve(location.trim()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.of(location.trim());  // not a URL the policy accepts: refused
        }
    }

    /** The context's route (tabs the first page opens): refused URLs aborted, the rest sent as is. */
    private void checkOnly(Route route) {
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

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
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
