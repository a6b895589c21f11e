// Skyvern page snapshot. Evaluated as a function of one argument {maxText, maxBlockText}.
// Gives each interactable element a stable id in data-skyvern-id (reused across snapshots),
// walks the visible DOM (same-origin iframes and open shadow roots included) and returns a JSON
// string: {url, title, htmlSize, elements:[{id, tag, attributes, text, label, options, depth,
// frame, interactable}]}. Depth counts emitted ancestors only, so indentation stays shallow.
(opts) => {
  const MAX_TEXT = opts.maxText || 100;
  const MAX_BLOCK = opts.maxBlockText || 500;
  const top = window;
  const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'option',
    'menuitem', 'menuitemcheckbox', 'menuitemradio', 'switch', 'combobox', 'textbox', 'searchbox']);
  const BLOCK_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'TD', 'TH', 'DT', 'DD',
    'CAPTION', 'LEGEND', 'PRE', 'BLOCKQUOTE', 'FIGCAPTION', 'LABEL', 'CODE']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK',
    'OPTION', 'OPTGROUP', 'SVG', 'svg']);
  const out = [];

  const clean = (s, max) => {
    if (s == null) return '';
    const t = String(s).replace(/\s+/g, ' ').trim();
    return t.length > max ? t.slice(0, max - 1) + '\u2026' : t;
  };

  const nextId = (win, prefix) => {
    win.__skyvernNextId = (win.__skyvernNextId || 0) + 1;
    return prefix + 'e' + win.__skyvernNextId;
  };

  const seedCounter = (doc, win, prefix) => {
    // After a reload of state (e.g. bfcache) ids may exist without a counter: continue after the max.
    if (win.__skyvernNextId) return;
    let max = 0;
    const re = new RegExp('^' + prefix + 'e(\\d+)$');
    doc.querySelectorAll('[data-skyvern-id]').forEach((el) => {
      const m = re.exec(el.getAttribute('data-skyvern-id'));
      if (m) max = Math.max(max, Number(m[1]));
    });
    win.__skyvernNextId = max;
  };

  const isInteractable = (el, style) => {
    const tag = el.tagName;
    if (tag === 'A') return el.hasAttribute('href');
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
      const parentPointer = parent && getComputedStyle(parent).cursor === 'pointer';
      return !parentPointer;
    }
    return false;
  };

  const shortHref = (el, doc) => {
    const raw = el.getAttribute('href');
    if (raw == null) return null;
    let h = raw;
    try {
      const u = new URL(raw, doc.baseURI);
      h = u.origin === top.location.origin ? u.pathname + u.search + u.hash : u.href;
    } catch (e) { /* keep the raw value */ }
    return h.length > 100 ? h.slice(0, 99) + '\u2026' : h;
  };

  const textWithoutControls = (node) => {
    let s = '';
    node.childNodes.forEach((c) => {
      if (c.nodeType === 3) s += ' ' + c.textContent;
      else if (c.nodeType === 1 && !['INPUT', 'SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE'].includes(c.tagName)) {
        s += ' ' + textWithoutControls(c);
      }
    });
    return s;
  };

  const labelOf = (el, doc) => {
    const parts = [];
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      by.split(/\s+/).forEach((ref) => {
        const l = doc.getElementById(ref);
        if (l) parts.push(textWithoutControls(l));
      });
    }
    if (el.labels && el.labels.length) {
      Array.from(el.labels).forEach((l) => parts.push(textWithoutControls(l)));
    } else {
      const wrap = el.closest && el.closest('label');
      if (wrap && wrap !== el) parts.push(textWithoutControls(wrap));
    }
    return clean(parts.join(' '), MAX_TEXT);
  };

  const attributesOf = (el, doc) => {
    const a = {};
    const tag = el.tagName;
    const type = (el.getAttribute('type') || '').toLowerCase();
    const put = (k, v) => { if (v != null && v !== '') a[k] = clean(v, MAX_TEXT); };
    if (tag === 'INPUT' || tag === 'BUTTON') put('type', type);
    const role = el.getAttribute('role');
    if (role) put('role', role);
    ['name', 'placeholder', 'aria-label', 'title', 'alt'].forEach((k) => put(k, el.getAttribute(k)));
    if (tag === 'A') put('href', shortHref(el, doc));
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

  const visibleBox = (el) => {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return false;
    // checkVisibility also sees content-visibility:hidden ancestors (e.g. a closed <details>).
    return typeof el.checkVisibility !== 'function' || el.checkVisibility();
  };

  const walkChildren = (parent, ctx, depth, textDone) => {
    const kids = [];
    if (parent.shadowRoot) parent.shadowRoot.childNodes.forEach((k) => kids.push(k));
    parent.childNodes.forEach((k) => kids.push(k));
    kids.forEach((k) => { if (k.nodeType === 1) walk(k, ctx, depth, textDone); });
  };

  const walkFrame = (iframe, ctx, depth) => {
    let doc = null;
    try { doc = iframe.contentDocument; } catch (e) { doc = null; }
    if (!doc || !doc.body) return;
    let fid = iframe.getAttribute('data-skyvern-frame');
    if (!fid) {
      top.__skyvernFrameNext = (top.__skyvernFrameNext || 0) + 1;
      fid = 'f' + top.__skyvernFrameNext;
      iframe.setAttribute('data-skyvern-frame', fid);
    }
    const win = iframe.contentWindow;
    win.__skyvernFrameId = fid;
    seedCounter(doc, win, fid);
    const attrs = {};
    const src = iframe.getAttribute('src');
    if (src) attrs.src = clean(src, 100);
    attrs.frame = fid;
    out.push({ id: '', tag: 'iframe', attributes: attrs, text: '', label: '', options: [],
      depth, frame: ctx.frame, interactable: false });
    walkChildren(doc.body, { doc, win, frame: fid }, depth + 1, false);
  };

  const walk = (el, ctx, depth, textDone) => {
    if (SKIP_TAGS.has(el.tagName)) return;
    if (el.getAttribute('aria-hidden') === 'true') return;
    const style = ctx.win.getComputedStyle(el);
    if (style.display === 'none') return;
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      if (style.visibility !== 'hidden' && visibleBox(el)) walkFrame(el, ctx, depth);
      return;
    }
    const shown = style.visibility !== 'hidden' && style.visibility !== 'collapse' && visibleBox(el);
    if (shown && isInteractable(el, style)) {
      let id = el.getAttribute('data-skyvern-id');
      if (!id) {
        id = nextId(ctx.win, ctx.frame);
        el.setAttribute('data-skyvern-id', id);
      }
      const tag = el.tagName.toLowerCase();
      const isField = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
      const text = isField ? '' : clean(el.innerText || el.textContent, MAX_TEXT);
      out.push({ id, tag, attributes: attributesOf(el, ctx.doc), text,
        label: (isField || el.getAttribute('role')) ? labelOf(el, ctx.doc) : '',
        options: el.tagName === 'SELECT' ? optionsOf(el) : [],
        depth, frame: ctx.frame, interactable: true });
      walkChildren(el, ctx, depth + 1, true);
      return;
    }
    let emitted = false;
    if (shown && !textDone) {
      const block = BLOCK_TAGS.has(el.tagName);
      const text = clean(block ? textWithoutControls(el) : directText(el), MAX_BLOCK);
      if (text) {
        out.push({ id: '', tag: el.tagName.toLowerCase(), attributes: {}, text, label: '', options: [],
          depth, frame: ctx.frame, interactable: false });
        emitted = true;
      }
      walkChildren(el, ctx, emitted ? depth + 1 : depth, textDone || block);
      return;
    }
    walkChildren(el, ctx, depth, textDone);
  };

  seedCounter(document, window, '');
  if (document.body) walkChildren(document.body, { doc: document, win: window, frame: '' }, 0, false);
  return JSON.stringify({
    url: location.href,
    title: document.title,
    htmlSize: document.documentElement ? document.documentElement.outerHTML.length : 0,
    elements: out,
  });
}
