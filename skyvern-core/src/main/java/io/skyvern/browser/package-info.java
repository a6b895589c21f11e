/**
 * The browser the agent drives, as the agent sees it: a {@link io.skyvern.browser.BrowserManager}
 * hands out isolated {@link io.skyvern.browser.BrowserSession}s (one tab each); a session takes
 * {@link io.skyvern.browser.PageSnapshot}s (an element tree with short ids such as {@code e12},
 * rendered for the prompt by {@link io.skyvern.browser.ElementTreeRenderer}) and runs action
 * primitives by element id. Nothing here imports Playwright; the adapter lives in
 * {@code io.skyvern.browser.playwright}.
 */
package io.skyvern.browser;
