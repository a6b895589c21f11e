/**
 * The agent on the real web, end to end: scenarios built on UI libraries written by others (served
 * from WebJars by {@link io.skyvern.server.components.ComponentSite}), run as tasks through the REST
 * API of a real server with a real queue, workers and Chromium, and a scripted model that chooses
 * the natural action for each widget by reading the prompt ({@link io.skyvern.server.components.Scenario}).
 * A scenario passes only on what the fixture site received, what was downloaded and what was
 * extracted — never on the agent's word. One test class per family of widgets.
 */
package io.skyvern.server.components;
