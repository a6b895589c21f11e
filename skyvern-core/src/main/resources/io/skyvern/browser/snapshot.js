// Skyvern page snapshot of ONE frame. Evaluated as a function of one argument
// {maxText, maxBlockText, prefix, topOrigin, probe}. Java runs it in every frame of the tab (cross-origin
// ones too) and splices each frame's nodes in where its <iframe> marker sits.
// Gives each interactable element a stable id in data-skyvern-id (prefix + 'e' + n, reused across
// snapshots), walks the rendered DOM (open shadow roots included, iframes only as markers carrying
// the data-skyvern-frame id Java gave them) and returns a JSON string: {url, title, htmlSize,
// sinceMutation (ms since the DOM last changed, -1 unknown: lets a static page skip the settle
// wait), animating (ms the longest finite running animation of at most 1.5 s still has to go, the
// Settler's rule), elements:[{id, tag, attributes, text, label, options, depth, frame, interactable}]}.
// With probe=true it only counts visible interactables without an id yet (the page-change guard);
// every run also leaves that probe as window.__skyvernProbe for the guard's later calls.
// Depth counts emitted ancestors only, so indentation stays shallow.
(opts) => {
  const MAX_TEXT = opts.maxText || 100;
  const MAX_BLOCK = opts.maxBlockText || 500;
  const PREFIX = opts.prefix || '';
  const TOP_ORIGIN = opts.topOrigin || location.origin;
  const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'option',
    'menuitem', 'menuitemcheckbox', 'menuitemradio', 'switch', 'combobox', 'textbox', 'searchbox']);
  const BLOCK_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'TD', 'TH', 'DT', 'DD',
    'CAPTION', 'LEGEND', 'PRE', 'BLOCKQUOTE', 'FIGCAPTION', 'LABEL', 'CODE']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK',
    'OPTION', 'OPTGROUP', 'SVG', 'svg']);
  const FIELD_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
  const out = [];

  const clean = (s, max) => {
    if (s == null) return '';
    const t = String(s).replace(/\s+/g, ' ').trim();
    return t.length > max ? t.slice(0, max - 1) + '\u2026' : t;
  };

  const seedCounter = () => {
    // After a restore (e.g. bfcache) ids may exist without a counter: continue after the max.
    if (window.__skyvernNextId) return;
    let max = 0;
    const re = new RegExp('^' + PREFIX + 'e(\\d+)$');
    document.querySelectorAll('[data-skyvern-id]').forEach((el) => {
      const m = re.exec(el.getAttribute('data-skyvern-id'));
      if (m) max = Math.max(max, Number(m[1]));
    });
    window.__skyvernNextId = max;
  };

  const isInteractable = (el, style) => {
    const tag = el.tagName;
    if (tag === 'A' && el.hasAttribute('href')) return true;
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return true;
    if (tag === 'INPUT') return (el.getAttribute('type') || '').toLowerCase() !== 'hidden';
    const role = (el.getAttribute('role') || '').toLowerCase();
    if (INTERACTIVE_ROLES.has(role)) return true;
    if (el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable)) return true;
    if (tag === 'LABEL') {
      const target = el.control;
      if (target && (target.type === 'checkbox' || target.type === 'radio')) return true;
    }
    if (el.hasAttribute('onclick') || typeof el.onclick === 'function') return true;
    if (style.cursor === 'pointer') {
      const parent = el.parentElement;
      return !(parent && getComputedStyle(parent).cursor === 'pointer');
    }
    return false;
  };

  // Rendered: laid out with a box larger than a 1px clip (sr-only text is not what a person sees;
  // a field may be 1px or transparent, custom checkboxes hide theirs so), not visibility:hidden,
  // not transparent (opacity 0: a faded-out menu), not inside content-visibility:hidden (a closed
  // <details>).
  const rendered = (el, style, minSize) => {
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (style.display === 'contents') return true;
    if (minSize > 0 && style.opacity === '0') return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.width <= minSize && r.height <= minSize)) return false;
    return typeof el.checkVisibility !== 'function' || el.checkVisibility();
  };

  // Whether a rendered descendant of el has a box a person could click (first 50 looked at).
  const drawnChild = (el) => {
    const todo = [...el.children];
    for (let i = 0; i < todo.length && i < 50; i++) {
      const r = todo[i].getBoundingClientRect();
      if (r.width > 1 && r.height > 1 && getComputedStyle(todo[i]).visibility === 'visible') return true;
      todo.push(...todo[i].children);
    }
    return false;
  };

  const kidsOf = (node) => {
    const kids = [];
    if (node.shadowRoot) node.shadowRoot.childNodes.forEach((k) => kids.push(k));
    node.childNodes.forEach((k) => kids.push(k));
    return kids;
  };

  // The visible text under node, without the text of fields and of hidden descendants; stops
  // collecting once it passes max characters.
  // The visible text under node, without the text of fields and of hidden descendants; stops
  // collecting once it passes max characters. Inline pieces join as they are rendered
  // ("<b>Mang</b>o" reads "Mango"); block-level children are separated by a space.
  // Inside a control, screen-reader-only text (a 1px clipped box) is part of its name: a thumb
  // icon with "73" and a hidden " likes" is a "73 likes" button. Elsewhere it is left out.
  const CONTROL_TAGS = new Set(['A', 'BUTTON', 'SUMMARY']);
  const srOnly = (c, style) => {
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    const r = c.getBoundingClientRect();
    return r.width <= 1 && r.height <= 1 && /(hidden|clip)/.test(style.overflow);
  };
  const visibleText = (node, max) => {
    const parts = [];
    let len = 0;
    const collect = (n, inControl) => kidsOf(n).forEach((c) => {
      if (len > max) return;
      if (c.nodeType === 3) {
        parts.push(c.textContent);
        len += c.textContent.length;
      } else if (c.nodeType === 1 && !FIELD_TAGS.has(c.tagName) && !SKIP_TAGS.has(c.tagName)
        && c.getAttribute('aria-hidden') !== 'true') {
        const style = getComputedStyle(c);
        if (!rendered(c, style, 1) && !(inControl && srOnly(c, style))) return;
        const inline = style.display.startsWith('inline') || style.display === 'contents';
        if (!inline) parts.push(' ');
        collect(c, inControl || CONTROL_TAGS.has(c.tagName));
        if (!inline) parts.push(' ');
      }
    });
    collect(node, node.nodeType === 1 && CONTROL_TAGS.has(node.tagName));
    return parts.join('');
  };

  const labelOf = (el) => {
    const parts = [];
    const by = el.getAttribute('aria-labelledby');
    const root = el.getRootNode();
    if (by) {
      by.split(/\s+/).forEach((ref) => {
        const l = (root.getElementById ? root.getElementById(ref) : null) || document.getElementById(ref);
        if (l) parts.push(l.textContent);
      });
    }
    if (el.labels && el.labels.length) {
      Array.from(el.labels).forEach((l) => parts.push(visibleText(l, MAX_TEXT)));
    } else {
      const wrap = el.closest && el.closest('label');
      if (wrap && wrap !== el) parts.push(visibleText(wrap, MAX_TEXT));
    }
    // aria-labelledby often names the same <label>: say each text once
    const unique = [...new Set(parts.map((p) => clean(p, MAX_TEXT)).filter((p) => p))];
    return clean(unique.join(' '), MAX_TEXT);
  };

  const shortHref = (el) => {
    const raw = el.getAttribute('href');
    if (raw == null) return null;
    let h = raw;
    try {
      const u = new URL(raw, document.baseURI);
      h = u.origin === TOP_ORIGIN ? u.pathname + u.search + u.hash : u.href;
    } catch (e) { /* keep the raw value */ }
    return h.length > 100 ? h.slice(0, 99) + '\u2026' : h;
  };

  // How far a scroll container can still move, e.g. "up 0px, down 2400px"; null when it cannot.
  const scrollRoom = (el, style) => {
    const canY = /(auto|scroll|overlay)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const canX = /(auto|scroll|overlay)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (!canY && !canX) return null;
    const parts = [];
    if (canY) {
      parts.push('up ' + Math.round(el.scrollTop) + 'px');
      parts.push('down ' + Math.max(0, Math.round(el.scrollHeight - el.clientHeight - el.scrollTop)) + 'px');
    }
    if (canX) {
      parts.push('left ' + Math.round(el.scrollLeft) + 'px');
      parts.push('right ' + Math.max(0, Math.round(el.scrollWidth - el.clientWidth - el.scrollLeft)) + 'px');
    }
    return parts.join(', ');
  };

  const attributesOf = (el, scroll) => {
    const a = {};
    const tag = el.tagName;
    const type = (el.getAttribute('type') || '').toLowerCase();
    const put = (k, v) => { if (v != null && v !== '') a[k] = clean(v, MAX_TEXT); };
    if (tag === 'INPUT' || tag === 'BUTTON') put('type', type);
    const role = el.getAttribute('role');
    if (role) put('role', role);
    ['name', 'placeholder', 'aria-label', 'title', 'alt'].forEach((k) => put(k, el.getAttribute(k)));
    if (tag === 'A') put('href', shortHref(el));
    if ((tag === 'INPUT' || tag === 'TEXTAREA') && type !== 'password' && type !== 'file') {
      if (type === 'checkbox' || type === 'radio') put('value', el.getAttribute('value'));
      else put('value', el.value);
    }
    if (type === 'file' && el.files && el.files.length) put('value', el.files[0].name);
    if (type === 'file') put('accept', el.getAttribute('accept'));
    if (type === 'checkbox' || type === 'radio') a.checked = el.checked ? 'true' : 'false';
    else if (el.getAttribute('aria-checked')) a.checked = el.getAttribute('aria-checked');
    if (tag === 'SELECT' && el.selectedIndex >= 0) put('selected', el.options[el.selectedIndex].label);
    if (el.disabled || el.getAttribute('aria-disabled') === 'true') a.disabled = 'true';
    if (el.required) a.required = 'true';
    if (el.readOnly) a.readonly = 'true';
    if (el.multiple) a.multiple = 'true';
    if (el.isContentEditable) a.contenteditable = 'true';
    if (scroll) a.scrollable = scroll;
    return a;
  };

  const optionsOf = (el) => Array.from(el.options).map((o) => ({
    value: o.value, label: clean(o.label || o.text, MAX_TEXT), selected: o.selected,
  }));

  const directText = (el) => {
    let s = '';
    el.childNodes.forEach((c) => { if (c.nodeType === 3) s += ' ' + c.textContent; });
    return s;
  };

  const giveId = (el) => {
    let id = el.getAttribute('data-skyvern-id');
    if (!id) {
      window.__skyvernNextId = (window.__skyvernNextId || 0) + 1;
      id = PREFIX + 'e' + window.__skyvernNextId;
      el.setAttribute('data-skyvern-id', id);
    }
    return id;
  };

  // Where a node is, in viewport heights: 0 on screen, 1 within the next screen below, -1 the one
  // above... The renderer's token budget keeps what is on and near the screen first and says how
  // much is left out above and below. Written only when not 0 (most nodes of a first screen).
  const VIEW_H = window.innerHeight || 800;
  const screenOf = (el) => {
    const r = el.getBoundingClientRect();
    if (r.bottom <= 0) return -Math.floor(-r.bottom / VIEW_H) - 1;
    if (r.top >= VIEW_H) return Math.floor((r.top - VIEW_H) / VIEW_H) + 1;
    return 0;
  };

  const emit = (node, el) => {
    const screen = el ? screenOf(el) : 0;
    out.push(Object.assign({ id: '', attributes: {}, text: '', label: '', options: [],
      frame: PREFIX, interactable: false }, screen ? { screen } : {}, node));
  };

  const walkChildren = (parent, depth, textDone) => {
    kidsOf(parent).forEach((k) => { if (k.nodeType === 1) walk(k, depth, textDone); });
  };

  const frameMarker = (el, depth) => {
    const attrs = {};
    const src = el.getAttribute('src');
    if (src) attrs.src = clean(src, 100);
    const fid = el.getAttribute('data-skyvern-frame');
    if (fid) attrs.frame = fid;
    emit({ tag: 'iframe', attributes: attrs, depth }, el);
  };

  // An interactable: small controls fold their visible text into their own line; a big container
  // (an app root with a click handler, a scroll area) keeps its content as lines of their own.
  const walkInteractable = (el, style, depth, textDone, scroll) => {
    const id = giveId(el);
    const isField = FIELD_TAGS.has(el.tagName);
    const text = isField ? '' : clean(visibleText(el, MAX_TEXT * 2), MAX_BLOCK);
    const fold = !isField && !scroll && text.length <= MAX_TEXT;
    emit({ id, tag: el.tagName.toLowerCase(), attributes: attributesOf(el, scroll), text: fold ? text : '',
      label: (isField || el.getAttribute('role')) ? labelOf(el) : '',
      options: el.tagName === 'SELECT' ? optionsOf(el) : [], depth, interactable: true }, el);
    walkChildren(el, depth + 1, textDone || fold);
  };

  const walk = (el, depth, textDone) => {
    if (SKIP_TAGS.has(el.tagName)) return;
    if (el.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const field = FIELD_TAGS.has(el.tagName);
    const shown = rendered(el, style, field ? 0 : 1);
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      if (shown) frameMarker(el, depth);
      return;
    }
    if (!shown) {
      // visibility:hidden can be undone by a child, and a zero-size box can overflow into view;
      // a clipped box (sr-only) or content-visibility:hidden hides everything inside.
      const r = el.getBoundingClientRect();
      const clipped = /(hidden|clip)/.test(style.overflow) && (r.width <= 1 || r.height <= 1);
      const cv = typeof el.checkVisibility !== 'function' || el.checkVisibility();
      if (!cv || clipped || field || style.opacity === '0') return;
      // A control drawn by its child (a zero-size link whose label overflows it) is what a person
      // clicks: it is listed (the click goes to the drawn child), not just its text.
      if (style.visibility === 'visible' && isInteractable(el, style) && drawnChild(el)) {
        walkInteractable(el, style, depth, textDone, null);
        return;
      }
      walkChildren(el, depth, textDone);
      return;
    }
    const scroll = scrollRoom(el, style);
    if (isInteractable(el, style) || scroll) {
      walkInteractable(el, style, depth, textDone, scroll);
      return;
    }
    if (textDone) {
      walkChildren(el, depth, true);
      return;
    }
    if (el.tagName === 'TR') {
      // A row marker: the renderer writes a row's cells on one line.
      emit({ tag: 'tr', depth }, el);
      walkChildren(el, depth + 1, false);
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    const text = clean(block ? visibleText(el, MAX_BLOCK) : directText(el), MAX_BLOCK);
    if (text) emit({ tag: el.tagName.toLowerCase(), text, depth }, el);
    walkChildren(el, text ? depth + 1 : depth, block);
  };

  // The page-change guard's probe: visible interactables that no snapshot has given an id yet.
  const probe = () => {
    let n = 0;
    const sel = 'a[href],button,input,select,textarea,summary,[role],[onclick],[contenteditable],label';
    document.querySelectorAll(sel).forEach((el) => {
      if (el.hasAttribute('data-skyvern-id') || (el.tagName === 'INPUT' && el.type === 'hidden')) return;
      if (el.closest('[aria-hidden="true"]')) return;
      const style = getComputedStyle(el);
      const field = FIELD_TAGS.has(el.tagName);
      if (!rendered(el, style, field ? 0 : 1) || !isInteractable(el, style)) return;
      // Ancestors too: a menu faded out (opacity 0) or hidden by visibility is not "new" yet.
      if (field || typeof el.checkVisibility !== 'function'
        || el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) n++;
    });
    return JSON.stringify({ docId: String(window.__skyvernDocId || ''), unseen: n });
  };

  // Same rule as the Settler's: finite animations ending within 1.5 s (fades, slides) count.
  const animating = () => {
    let left = 0;
    if (!document.getAnimations) return 0;
    for (const a of document.getAnimations()) {
      if (a.playState !== 'running' || !a.effect) continue;
      const t = a.effect.getComputedTiming();
      const rest = t.endTime - (t.localTime || 0);
      if (isFinite(rest) && rest > 0 && rest <= 1500) left = Math.max(left, rest);
    }
    return left;
  };

  // Kept on the window so the guard's probe after each action is one tiny evaluate (this whole
  // script is ~12 KB to send and compile) using these same rules; a document no snapshot has read
  // yet has no probe and gets the full script in probe mode.
  window.__skyvernProbe = probe;
  if (opts.probe) return probe();
  seedCounter();
  if (document.body) walkChildren(document.body, 0, false);
  return JSON.stringify({
    url: location.href,
    title: document.title,
    htmlSize: document.documentElement ? document.documentElement.outerHTML.length : 0,
    sinceMutation: window.__skyvernLastMutation === undefined ? -1 : performance.now() - window.__skyvernLastMutation,
    animating: animating(),
    elements: out,
  });
}
