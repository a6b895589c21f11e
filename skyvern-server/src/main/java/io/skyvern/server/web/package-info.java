/** What the server's browser-facing pages share: WebJar URLs. */
package io.skyvern.server.web;
