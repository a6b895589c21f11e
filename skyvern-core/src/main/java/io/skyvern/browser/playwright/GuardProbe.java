package io.skyvern.browser.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.PageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page-change guard's look at a tab: the snapshot script in probe mode (same interactability
 * rules, no walk, no ids given) counts, in every frame, the visible interactables no snapshot has
 * given an id yet, and reads the main document's id, which the init script ({@link Settler})
 * renews with every document. The guard runs after every action, so it must be cheap: each
 * snapshot leaves its probe in the frame's window and the guard calls that (a one-line evaluate
 * per frame); only a document no snapshot has read yet gets the whole script. Lane thread only.
 */
final class GuardProbe {
    private static final Logger LOG = LoggerFactory.getLogger(GuardProbe.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String QUICK = "() => window.__skyvernProbe ? window.__skyvernProbe() : null";

    private GuardProbe() {
    }

    static PageState state(Tab tab) {
        Page p = tab.page();
        String docId = "";
        int unseen = 0;
        for (Frame f : p.frames()) {
            try {
                Object answer = f.evaluate(QUICK);
                if (answer == null) {
                    answer = f.evaluate(SnapshotReader.SCRIPT, SnapshotReader.probeOptions());
                }
                JsonNode probe = MAPPER.readTree(String.valueOf(answer));
                unseen += probe.path("unseen").asInt();
                if (f == p.mainFrame()) {
                    docId = probe.path("docId").asText();
                }
            } catch (PlaywrightException | JsonProcessingException e) {
                // A frame navigating or detached right now: the guard judges by the others.
                LOG.debug("Frame {} not probed: {}", f.url(), BrowserLauncher.firstLine(e.getMessage()));
            }
        }
        return new PageState(tab.id(), p.url(), docId, unseen);
    }
}
