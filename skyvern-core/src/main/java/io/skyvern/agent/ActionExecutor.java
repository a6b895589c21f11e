package io.skyvern.agent;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.DialogResponse;
import io.skyvern.browser.OptionChoice;
import io.skyvern.common.SkyvernException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Executes one browser action and reports the outcome as a value. Failures the model can learn
 * from (an unknown element id, an option that does not exist, a refused URL) are failed outcomes,
 * never exceptions. Secrets are substituted into typed text here and nowhere else. Uploads are
 * limited to files the task's user data offers, so a model cannot make the agent upload an
 * arbitrary file of the server. Not for terminal actions (complete, terminate, extract), which the
 * loop handles. Thread-safe; a session is used by one thread at a time.
 */
public final class ActionExecutor {
    private final Path downloadDir;

    public ActionExecutor(Path downloadDir) {
        this.downloadDir = downloadDir;
    }

    public ActionOutcome execute(Action action, BrowserSession session, PayloadSecrets secrets, Set<Path> allowedUploads) {
        long start = System.nanoTime();
        try {
            return run(action, session, secrets, allowedUploads, start);
        } catch (SkyvernException | IllegalArgumentException e) {
            // Browser action errors (unknown element, not visible, timeout) are fed back to the model.
            return ActionOutcome.failed(action, secrets.redact(messageOf(e)), millisSince(start));
        }
    }

    private ActionOutcome run(Action action, BrowserSession session, PayloadSecrets secrets, Set<Path> allowedUploads,
                              long start) {
        if (action instanceof Action.Click click) {
            session.click(click.elementId());
            return ok(action, "clicked " + click.elementId(), start);
        } else if (action instanceof Action.InputText input) {
            SecretTyping typing = secrets.forTyping(input.text(), session.currentUrl());
            if (typing instanceof SecretTyping.Refused refused) {
                return ActionOutcome.failed(action, refused.reason(), millisSince(start));
            }
            session.fill(input.elementId(), ((SecretTyping.Ready) typing).text());
            return ok(action, "typed into " + input.elementId(), start);
        } else if (action instanceof Action.SelectOption select) {
            selectOption(session, select);
            return ok(action, "selected " + select.option().value() + " in " + select.elementId(), start);
        } else if (action instanceof Action.Check check) {
            session.setChecked(check.elementId(), check.checked());
            return ok(action, (check.checked() ? "checked " : "unchecked ") + check.elementId(), start);
        } else if (action instanceof Action.UploadFile upload) {
            return upload(session, upload, secrets, allowedUploads, start);
        } else if (action instanceof Action.DownloadFile download) {
            Path file = session.download(download.elementId(), downloadDir);
            return new ActionOutcome(action, true, "downloaded " + file.getFileName(), millisSince(start), Optional.of(file));
        } else if (action instanceof Action.Hover hover) {
            session.hover(hover.elementId());
            return ok(action, "hovered " + hover.elementId(), start);
        } else if (action instanceof Action.Scroll scroll) {
            return scroll(session, scroll, start);
        } else if (action instanceof Action.KeyPress keyPress) {
            if (keyPress.target().isPresent()) {
                session.press(keyPress.target().get(), keyPress.keys());
                return ok(action, "pressed " + keyPress.keys() + " on " + keyPress.target().get(), start);
            }
            session.press(keyPress.keys());
            return ok(action, "pressed " + keyPress.keys(), start);
        } else if (action instanceof Action.GotoUrl gotoUrl) {
            return gotoUrl(session, gotoUrl, start);
        } else if (action instanceof Action.SwitchTab switchTab) {
            session.switchTab(switchTab.tabId());
            return ok(action, "switched to tab " + switchTab.tabId() + " (" + session.currentUrl() + ")", start);
        } else if (action instanceof Action.CloseTab closeTab) {
            session.closeTab(closeTab.tabId());
            return ok(action, "closed tab " + closeTab.tabId() + "; the current tab shows " + session.currentUrl(), start);
        } else if (action instanceof Action.HandleDialog dialog) {
            session.answerNextDialog(new DialogResponse(dialog.accept(), secrets.substitute(dialog.text())));
            return ok(action, "the next dialog will be " + (dialog.accept() ? "accepted" : "dismissed"), start);
        } else if (action instanceof Action.GoBack) {
            session.goBack();
            return ok(action, "went back to " + session.currentUrl(), start);
        } else if (action instanceof Action.Wait wait) {
            session.waitFor(Duration.ofMillis((long) (wait.seconds() * 1000)));
            return ok(action, "waited " + wait.seconds() + " s", start);
        } else if (action instanceof Action.Invalid invalid) {
            return ActionOutcome.failed(action, invalid.problem(), millisSince(start));
        }
        throw new IllegalArgumentException("Not a browser action: " + action.type().wireName());
    }

    /** A plain string is matched against the option labels first, then the values. */
    private static void selectOption(BrowserSession session, Action.SelectOption select) {
        io.skyvern.agent.OptionChoice choice = select.option();
        switch (choice.kind()) {
            case LABEL -> session.selectOption(select.elementId(), OptionChoice.label(choice.value()));
            case VALUE -> session.selectOption(select.elementId(), OptionChoice.value(choice.value()));
            case INDEX -> session.selectOption(select.elementId(), OptionChoice.index(Integer.parseInt(choice.value())));
            case LABEL_OR_VALUE -> {
                try {
                    session.selectOption(select.elementId(), OptionChoice.label(choice.value()));
                } catch (SkyvernException byLabel) {
                    session.selectOption(select.elementId(), OptionChoice.value(choice.value()));
                }
            }
        }
    }

    private static ActionOutcome upload(BrowserSession session, Action.UploadFile upload, PayloadSecrets secrets,
                                        Set<Path> allowedUploads, long start) {
        Path file = Path.of(secrets.substitute(upload.file())).toAbsolutePath().normalize();
        if (!allowedUploads.contains(file) || !Files.isRegularFile(file)) {
            return ActionOutcome.failed(upload, "The file " + upload.file()
                    + " is not one the task offers for upload", millisSince(start));
        }
        session.uploadFile(upload.elementId(), file);
        return ok(upload, "uploaded " + file.getFileName() + " to " + upload.elementId(), start);
    }

    private static ActionOutcome scroll(BrowserSession session, Action.Scroll scroll, long start) {
        int dy = scroll.direction().equals("up") ? -scroll.pixels() : scroll.pixels();
        if (scroll.target().isPresent()) {
            session.scrollElement(scroll.target().get(), 0, dy);
            return ok(scroll, "scrolled " + scroll.target().get() + " " + scroll.direction() + " " + scroll.pixels() + "px", start);
        }
        session.scroll(0, dy);
        return ok(scroll, "scrolled " + scroll.direction() + " " + scroll.pixels() + "px", start);
    }

    /** A relative URL (the prompt shows same-site hrefs as paths) is resolved against the current page. */
    private static ActionOutcome gotoUrl(BrowserSession session, Action.GotoUrl gotoUrl, long start) {
        if (gotoUrl.url().isEmpty()) {
            Optional<String> href = session.linkTarget(gotoUrl.linkId());
            if (href.isEmpty()) {
                return ActionOutcome.failed(gotoUrl, gotoUrl.linkId() + " is not a link on this page", millisSince(start));
            }
            gotoUrl = new Action.GotoUrl(href.get(), gotoUrl.linkId(), gotoUrl.reasoning());
        }
        Optional<String> absolute = resolve(session.currentUrl(), gotoUrl.url());
        if (absolute.isEmpty()) {
            return ActionOutcome.failed(gotoUrl, "Only http and https URLs can be opened: " + gotoUrl.url(), millisSince(start));
        }
        session.navigate(absolute.get());
        return ok(gotoUrl, "opened " + session.currentUrl(), start);
    }

    /** {@code url} made absolute against {@code base}; empty unless the result is an http(s) URL with a host. */
    static Optional<String> resolve(String base, String url) {
        String target = url.trim();
        if (isWebUrl(target)) {
            return Optional.of(target);
        }
        try {
            URI baseUri = URI.create(base == null ? "" : base.trim());
            if (!isWebUrl(baseUri.toString())) {
                return Optional.empty();
            }
            // java.net.URI follows RFC 2396 here: a query-only reference would drop the last path segment.
            String resolved = target.startsWith("?")
                    ? new URI(baseUri.getScheme(), baseUri.getAuthority(), baseUri.getPath(), null, null) + target
                    : baseUri.resolve(target).toString();
            return isWebUrl(resolved) ? Optional.of(resolved) : Optional.empty();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ActionOutcome ok(Action action, String message, long start) {
        return ActionOutcome.ok(action, message, millisSince(start));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
