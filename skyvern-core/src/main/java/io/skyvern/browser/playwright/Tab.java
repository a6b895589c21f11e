package io.skyvern.browser.playwright;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a session with its tab id ({@code t1}…) and the ids given to its frames
 * ({@code f1}…, unique in the tab however deeply the frames nest). A frame id is written on the
 * frame's {@code <iframe>} element as {@code data-skyvern-frame} so the snapshot script can mark
 * where the frame sits; the Java map is the source of truth, because a cross-origin frame's own
 * script cannot see its element. Lane thread only.
 */
final class Tab {
    private final String id;
    private final Page page;
    private final Map<Frame, String> frameIds = new IdentityHashMap<>();
    private int nextFrame;
    long lastUsed;

    Tab(String id, Page page) {
        this.id = id;
        this.page = page;
    }

    String id() {
        return id;
    }

    Page page() {
        return page;
    }

    /** The id of {@code frame} (a child frame), given now and marked on its element if new. */
    String frameId(Frame frame) {
        frameIds.keySet().removeIf(Frame::isDetached);
        String known = frameIds.get(frame);
        if (known != null) {
            return known;
        }
        ElementHandle owner = frame.frameElement();
        try {
            Object existing = owner.getAttribute("data-skyvern-frame");
            String fid = existing instanceof String s && !s.isBlank() && !frameIds.containsValue(s) ? s : null;
            while (fid == null || frameIds.containsValue(fid)) {
                fid = "f" + (++nextFrame);
            }
            owner.evaluate("(e, id) => e.setAttribute('data-skyvern-frame', id)", fid);
            frameIds.put(frame, fid);
            return fid;
        } finally {
            owner.dispose();
        }
    }

    /** The live frame with this id, if a snapshot gave it. */
    Optional<Frame> frame(String fid) {
        for (Map.Entry<Frame, String> e : frameIds.entrySet()) {
            if (e.getValue().equals(fid) && !e.getKey().isDetached()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
