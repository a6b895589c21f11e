/**
 * Long-lived browser sessions: a browser state (cookies, local storage) that tasks naming the
 * session share, one run at a time, until the session is closed or expires.
 */
package io.skyvern.browsersession;
