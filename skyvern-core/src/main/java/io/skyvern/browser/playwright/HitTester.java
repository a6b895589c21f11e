package io.skyvern.browser.playwright;

import com.microsoft.playwright.Locator;

import java.util.Map;

/**
 * Asks, before a click, what a person's click at the centre of the element would land on, in the
 * element's own frame and through open shadow roots: the element itself, its label, an ancestor,
 * a sibling drawn over it (a custom checkbox over its hidden input), or something unrelated that
 * covers it (a cookie banner). An element off screen is scrolled to the centre first. Playwright
 * alone would retry a covered click until its timeout and then name no culprit. Lane thread only.
 */
final class HitTester {
    /** What the centre of the element hits; {@code cover} describes an unrelated covering element. */
    record Hit(String state, boolean toggle, String cover) {
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
              let r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return { state: 'nobox', toggle, cover: '' };
              let x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
                el.scrollIntoView({ block: 'center', inline: 'center' });
                r = el.getBoundingClientRect();
                x = r.left + r.width / 2; y = r.top + r.height / 2;
              }
              let hit = document.elementFromPoint(x, y);
              while (hit && hit.shadowRoot) {
                const inner = hit.shadowRoot.elementFromPoint(x, y);
                if (!inner || inner === hit) break;
                hit = inner;
              }
              const res = (state, cover) => ({ state, toggle, cover: cover || '' });
              if (!hit) return res('offscreen');
              if (within(hit, el)) return res('hit');
              const labels = Array.from(el.labels || []);
              const wrap = el.closest && el.closest('label');
              if (wrap) labels.push(wrap);
              if (labels.some((l) => within(hit, l))) return res('label');
              if (within(el, hit)) return res('ancestor');
              const parent = up(el);
              if (toggle && parent && parent !== document.body && within(hit, parent)) return res('sibling');
              return res('covered', describe(hit));
            }""";

    private HitTester() {
    }

    static Hit test(Locator element) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) element.evaluate(SCRIPT);
        return new Hit(String.valueOf(r.get("state")), Boolean.TRUE.equals(r.get("toggle")), String.valueOf(r.get("cover")));
    }
}
