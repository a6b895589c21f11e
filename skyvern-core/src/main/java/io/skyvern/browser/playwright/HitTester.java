package io.skyvern.browser.playwright;

import com.microsoft.playwright.Locator;

import java.util.Map;

/**
 * Asks, before a click, what a person's click at the centre of the element (of its first child
 * box when the element has none of its own) would land on, in the
 * element's own frame and through open shadow roots: the element itself, its label, an ancestor,
 * a sibling drawn over it (a custom checkbox over its hidden input), or something unrelated that
 * covers it (a cookie banner). An element off screen is scrolled to the centre first. Playwright
 * alone would retry a covered click until its timeout and then name no culprit. Lane thread only.
 */
final class HitTester {
    /**
     * What the centre of the element's visible box hits; {@code cover} describes an unrelated
     * covering element; {@code inner} says the hit landed on a descendant, marked
     * {@code data-skyvern-hit} (see {@link #MARK}); {@code ownBox} that the element has a box of its
     * own (not only its children).
     */
    record Hit(String state, boolean toggle, String cover, boolean inner, boolean ownBox) {
        boolean covered() {
            return "covered".equals(state);
        }
    }

    private static final String SCRIPT = """
            (el) => {
              const up = (n) => n.parentElement || (n.parentNode && n.parentNode.host) || null;
              const within = (a, b) => { for (let n = a; n; n = up(n)) if (n === b) return true; return false; };
              const toggle = el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio');
              const describe = (n) => {
                while (up(n) && up(n) !== document.body && !within(el, up(n))) n = up(n);
                let s = '<' + n.tagName.toLowerCase() + (n.id ? ' id="' + n.id + '"' : '');
                const cls = (typeof n.className === 'string' ? n.className : '').trim().split(/\\s+/).slice(0, 3).join(' ');
                s += (cls ? ' class="' + cls + '"' : '') + '>';
                const sid = n.getAttribute('data-skyvern-id');
                const t = (n.innerText || n.textContent || '').replace(/\\s+/g, ' ').trim();
                if (t) s += ' "' + (t.length > 60 ? t.slice(0, 59) + '\\u2026' : t) + '"';
                return sid ? s + ' (id ' + sid + ')' : s;
              };
              // The box a person sees: the element's own, or (display:contents, an <a> around a block,
              // a zero-size wrapper of what is drawn) the first child box that has a size.
              const boxed = (n) => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
              const seen = (n) => { const s = getComputedStyle(n); return s.display !== 'none' && s.visibility !== 'hidden'; };
              const drawn = () => {
                if (boxed(el) && getComputedStyle(el).display !== 'contents') return el;
                const todo = [...(el.shadowRoot ? el.shadowRoot.children : []), ...el.children];
                for (let i = 0; i < todo.length && i < 200; i++) {
                  const n = todo[i];
                  if (!seen(n)) continue;
                  if (boxed(n)) return n;
                  todo.push(...(n.shadowRoot ? n.shadowRoot.children : []), ...n.children);
                }
                return null;
              };
              const box = drawn();
              if (!box) return { state: 'nobox', toggle, cover: '', inner: false };
              let r = box.getBoundingClientRect();
              let x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
                box.scrollIntoView({ block: 'center', inline: 'center' });
                r = box.getBoundingClientRect();
                x = r.left + r.width / 2; y = r.top + r.height / 2;
              }
              let hit = document.elementFromPoint(x, y);
              while (hit && hit.shadowRoot) {
                const inner = hit.shadowRoot.elementFromPoint(x, y);
                if (!inner || inner === hit) break;
                hit = inner;
              }
              const res = (state, cover) => ({ state, toggle, cover: cover || '', inner: false });
              if (!hit) return res('offscreen');
              if (within(hit, el)) {
                // What was hit inside the element is marked: a forced click can go there when the
                // element itself has no box Playwright could click.
                if (window.__skyvernHit) window.__skyvernHit.removeAttribute('data-skyvern-hit');
                window.__skyvernHit = hit;
                hit.setAttribute('data-skyvern-hit', '');
                return { state: 'hit', toggle, cover: '', inner: hit !== el, ownBox: box === el };
              }
              const labels = Array.from(el.labels || []);
              const wrap = el.closest && el.closest('label');
              if (wrap) labels.push(wrap);
              if (labels.some((l) => within(hit, l))) return res('label');
              if (within(el, hit)) return res('ancestor');
              const parent = up(el);
              if (toggle && parent && parent !== document.body && within(hit, parent)) return res('sibling');
              return res('covered', describe(hit));
            }""";

    /** Selector of the descendant the last hit test landed on. */
    static final String MARK = "[data-skyvern-hit]";

    private HitTester() {
    }

    static Hit test(Locator element) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) element.evaluate(SCRIPT);
        return new Hit(String.valueOf(r.get("state")), Boolean.TRUE.equals(r.get("toggle")), String.valueOf(r.get("cover")),
                Boolean.TRUE.equals(r.get("inner")), Boolean.TRUE.equals(r.get("ownBox")));
    }
}
