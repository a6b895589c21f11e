package io.skyvern.browser.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.ElementNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots a tab frame by frame through Playwright's frame tree. The in-page script cannot reach
 * into a cross-origin iframe, so it runs in each frame on its own (Playwright evaluates in any
 * frame, out-of-process ones included) and leaves an {@code <iframe frame="f2">} marker where a
 * child frame sits; the child's nodes are spliced in under that marker, one level deeper, with the
 * frame's origin on the marker line. Frames whose element is not rendered are not read. Lane
 * thread only.
 */
final class FrameSnapshotter {
    private static final Logger LOG = LoggerFactory.getLogger(FrameSnapshotter.class);
    private static final int MAX_FRAME_DEPTH = 8;

    SnapshotReader.Raw snapshot(Tab tab) {
        Frame main = tab.page().mainFrame();
        String topOrigin = origin(main.url());
        List<ElementNode> out = new ArrayList<>();
        SnapshotReader.Raw top = readTree(tab, main, "", 0, topOrigin, out, 0);
        return new SnapshotReader.Raw(top.url(), top.title(), top.htmlSize(), out, top.sinceMutationMs(),
                top.animatingMs());
    }

    /** Reads {@code frame} (its children get their ids first, so its markers carry them) and splices the children in. */
    private SnapshotReader.Raw readTree(Tab tab, Frame frame, String prefix, int baseDepth, String topOrigin,
                                        List<ElementNode> out, int level) {
        Map<String, Frame> children = level < MAX_FRAME_DEPTH ? children(tab, frame) : Map.of();
        SnapshotReader.Raw raw = read(frame, prefix, topOrigin);
        for (ElementNode n : raw.elements()) {
            Frame child = "iframe".equals(n.tag()) ? children.get(n.attribute("frame")) : null;
            if (child == null) {
                out.add(shift(n, baseDepth, n.attributes()));
                continue;
            }
            Map<String, String> attrs = new LinkedHashMap<>(n.attributes());
            attrs.put("origin", origin(child.url()));
            out.add(shift(n, baseDepth, attrs));
            try {
                readTree(tab, child, n.attribute("frame"), baseDepth + n.depth() + 1, topOrigin, out, level + 1);
            } catch (PlaywrightException e) {
                // Detached or navigating while read: its marker stays, its content is left out this time.
                LOG.debug("Frame {} could not be read: {}", n.attribute("frame"), BrowserLauncher.firstLine(e.getMessage()));
            }
        }
        return raw;
    }

    private static Map<String, Frame> children(Tab tab, Frame frame) {
        Map<String, Frame> byId = new HashMap<>();
        for (Frame c : frame.childFrames()) {
            if (c.isDetached()) {
                continue;
            }
            try {
                byId.put(tab.frameId(c), c);
            } catch (PlaywrightException e) {
                LOG.debug("Frame {} has no element to mark: {}", c.url(), BrowserLauncher.firstLine(e.getMessage()));
            }
        }
        return byId;
    }

    private static ElementNode shift(ElementNode n, int by, Map<String, String> attrs) {
        return new ElementNode(n.id(), n.tag(), attrs, n.text(), n.label(), n.options(), n.depth() + by, n.frame(),
                n.interactable(), n.screen());
    }

    private static SnapshotReader.Raw read(Frame frame, String prefix, String topOrigin) {
        Object json = frame.evaluate(SnapshotReader.SCRIPT, SnapshotReader.options(prefix, topOrigin));
        try {
            return SnapshotReader.parse(String.valueOf(json));
        } catch (JsonProcessingException e) {
            throw new BrowserActionException("The page snapshot could not be read: " + e.getOriginalMessage(), e);
        }
    }

    static String origin(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return url.startsWith("about:") ? "about:blank" : "";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
