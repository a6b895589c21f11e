/** /api/v1/browser_sessions: create, list, get and close long-lived browser sessions. */
package io.skyvern.server.browsersession;
