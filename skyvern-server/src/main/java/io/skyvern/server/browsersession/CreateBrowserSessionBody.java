package io.skyvern.server.browsersession;

/** The optional body of POST /api/v1/browser_sessions; timeout_minutes 1..240, default 60. */
public record CreateBrowserSessionBody(Integer timeoutMinutes) {
    static final CreateBrowserSessionBody NONE = new CreateBrowserSessionBody(null);
}
