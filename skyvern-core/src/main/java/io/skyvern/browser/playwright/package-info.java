/**
 * The Playwright adapter of {@code io.skyvern.browser}: the only package that imports
 * {@code com.microsoft.playwright}. No Playwright type escapes it; Playwright errors become
 * {@link io.skyvern.browser.BrowserActionException} or {@link io.skyvern.common.SkyvernException}.
 *
 * <p>Threading: Playwright objects are not thread-safe, so each {@link
 * io.skyvern.browser.playwright.BrowserLane} owns one thread, one Playwright driver and one
 * Chromium, and every call on its objects is marshalled onto that thread. See
 * {@link io.skyvern.browser.playwright.PlaywrightBrowserManager} for why.
 */
package io.skyvern.browser.playwright;
