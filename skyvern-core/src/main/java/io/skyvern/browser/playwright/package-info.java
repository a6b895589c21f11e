/**
 * The Playwright adapter of {@code io.skyvern.browser}: the only package that imports
 * {@code com.microsoft.playwright}. No Playwright type escapes it; Playwright errors become
 * {@link io.skyvern.browser.BrowserActionException} or {@link io.skyvern.common.SkyvernException}.
 *
 * <p>Threading: Playwright objects are not thread-safe, so each {@link
 * io.skyvern.browser.playwright.BrowserLane} owns one thread, one Playwright driver and one
 * Chromium, and every call on its objects is marshalled onto that thread. See
 * {@link io.skyvern.browser.playwright.PlaywrightBrowserManager} for why. Page events (new tabs,
 * dialogs, downloads, requests) are dispatched by Playwright on the thread that pumps it, which is
 * always the lane's; events arriving between calls wait for the next call.
 *
 * <p>A session is made of small collaborators: {@code TabSet} (the context's pages as tabs, the
 * events they raise), {@code DialogHandler}, {@code Settler} (DOM quiet and network idle before a
 * snapshot; the init script), {@code FrameSnapshotter} (the snapshot script run in every frame and
 * spliced), {@code ElementLocator} (an id to a locator in any frame), {@code HitTester} and
 * {@code ElementActions} (clicks, checks and scrolls as a person would).
 */
package io.skyvern.browser.playwright;
