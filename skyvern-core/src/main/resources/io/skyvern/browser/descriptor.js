// Durable element descriptors (replay). Two entry points share the helpers below:
//   describe(el)      -> how to find el again without our ephemeral ids
//   find(d, prefix)   -> the one element of this frame that matches d, as an action id, or a reason
// Both use the same role and accessible-name rules, so a descriptor taken on one load of a page
// finds its element on the next load. Kept small on purpose: it is not a full ARIA implementation.
const STABLE = ['id', 'name', 'data-testid', 'data-test', 'data-qa', 'aria-label', 'href', 'type', 'for'];
const norm = s => (s || '').replace(/\s+/g, ' ').trim().slice(0, 200);
// names compare as a person reads them: a restyle that changes case ("SIGN IN") keeps the control
const sameName = (a, b) => a.toLowerCase() === b.toLowerCase();
const visible = el => {
  const r = el.getBoundingClientRect();
  const st = getComputedStyle(el);
  return (r.width > 0 || r.height > 0) && st.visibility !== 'hidden' && st.display !== 'none';
};
function roleOf(el) {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  if (tag === 'a') return el.hasAttribute('href') ? 'link' : '';
  if (tag === 'button') return 'button';
  if (tag === 'select') return el.multiple ? 'listbox' : 'combobox';
  if (tag === 'textarea') return 'textbox';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'input') {
    if (['submit', 'button', 'reset', 'image'].includes(type)) return 'button';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    if (type === 'number') return 'spinbutton';
    if (type === 'search') return 'searchbox';
    if (type === 'range') return 'slider';
    if (['text', 'email', 'tel', 'url', 'password'].includes(type)) return 'textbox';
  }
  return '';
}
// A label's own words: a select or textarea inside it would add its options or content, which
// change with what was chosen or typed, so the name would not be found again after the action.
function labelText(l) {
  if (!l.querySelector('select, textarea')) return l.innerText;
  const copy = l.cloneNode(true);
  copy.querySelectorAll('select, textarea').forEach(n => n.remove());
  return copy.textContent;
}
function labelOf(el) {
  if (el.labels && el.labels.length) return norm(Array.from(el.labels).map(labelText).join(' '));
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(/\s+/).map(id => (document.getElementById(id) || {}).innerText || '').join(' '));
  return '';
}
function nameOf(el) {
  const aria = el.getAttribute('aria-label');
  if (aria) return norm(aria);
  const label = labelOf(el);
  if (label) return label;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') {
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (['submit', 'button', 'reset'].includes(type)) return norm(el.value);
    return norm(el.getAttribute('title') || el.getAttribute('placeholder'));
  }
  if (['select', 'textarea'].includes(tag)) return norm(el.getAttribute('title') || el.getAttribute('placeholder'));
  const text = norm(el.innerText || el.textContent);
  return text || norm(el.getAttribute('title') || (el.querySelector('img[alt]') || {}).alt);
}
function cssPath(el) {
  const parts = [];
  for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
    let part = n.tagName.toLowerCase();
    if (n.id && /^[A-Za-z][\w-]*$/.test(n.id)) { parts.unshift(part + '#' + n.id); break; }
    const same = n.parentElement ? Array.from(n.parentElement.children).filter(c => c.tagName === n.tagName) : [];
    if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(n) + 1) + ')';
    parts.unshift(part);
  }
  return parts.join(' > ');
}
function xpathOf(el) {
  const parts = [];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const same = n.parentElement ? Array.from(n.parentElement.children).filter(c => c.tagName === n.tagName) : [n];
    parts.unshift(n.tagName.toLowerCase() + '[' + (same.indexOf(n) + 1) + ']');
  }
  return '/' + parts.join('/');
}
// Visible text of an element; a field's value is never read (it may be a secret typed earlier),
// only the caption of an input button is.
function textOf(el) {
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') {
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    return ['submit', 'button', 'reset'].includes(type) ? norm(el.value) : '';
  }
  if (tag === 'textarea' || tag === 'select') return '';
  return norm(el.innerText);
}
function nearText(el) {
  for (let n = el.parentElement, hops = 0; n && hops < 4; n = n.parentElement, hops++) {
    const t = norm(n.innerText);
    const own = textOf(el);
    if (t && t !== own) return t.slice(0, 120);
  }
  return '';
}
function describe(el) {
  const attributes = {};
  for (const a of STABLE) if (el.hasAttribute(a)) attributes[a] = el.getAttribute(a).slice(0, 300);
  for (const a of el.attributes) if (a.name.startsWith('aria-') && !attributes[a.name]) attributes[a.name] = a.value.slice(0, 300);
  return { role: roleOf(el), name: nameOf(el), tag: el.tagName.toLowerCase(), label: labelOf(el),
    placeholder: norm(el.getAttribute('placeholder')), text: textOf(el),
    attributes, css_path: cssPath(el), xpath: xpathOf(el), near_text: nearText(el) };
}
function all() {
  return Array.from(document.querySelectorAll('body *')).filter(visible);
}
function strategies(d) {
  const out = [];
  if (d.role && d.name) out.push(['role and name', () => all().filter(e => roleOf(e) === d.role && sameName(nameOf(e), d.name))]);
  for (const a of ['data-testid', 'data-test', 'data-qa', 'id', 'name']) {
    const v = (d.attributes || {})[a];
    if (v) out.push([a, () => all().filter(e => e.tagName.toLowerCase() === d.tag && e.getAttribute(a) === v)]);
  }
  // the same control twice on a page (a "Continue" at the top and the bottom): the text around it tells which
  if (d.role && d.name && d.near_text) out.push(['role, name and nearby text', () => all().filter(e =>
    roleOf(e) === d.role && sameName(nameOf(e), d.name) && nearText(e) === d.near_text)]);
  if (d.label) out.push(['label', () => all().filter(e => e.tagName.toLowerCase() === d.tag && labelOf(e) === d.label)]);
  if (d.placeholder) out.push(['placeholder', () => all().filter(e => e.tagName.toLowerCase() === d.tag && norm(e.getAttribute('placeholder')) === d.placeholder)]);
  if (d.text) out.push(['text', () => all().filter(e => e.tagName.toLowerCase() === d.tag && textOf(e) === d.text)]);
  if (d.css_path) out.push(['css', () => { try { return Array.from(document.querySelectorAll(d.css_path)); } catch (e) { return []; } }]);
  if (d.xpath) out.push(['xpath', () => {
    const r = document.evaluate(d.xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    const found = [];
    for (let i = 0; i < r.snapshotLength; i++) found.push(r.snapshotItem(i));
    return found.filter(e => e.tagName.toLowerCase() === d.tag);
  }]);
  return out;
}
// A unique match found by a weaker clue (an id, a CSS path) must still be the element the script
// acted on: its role and accessible name as recorded, or its tag when it had no role (a field left
// empty when recorded is not compared). A "Sign in" button that now says "Delete account" under
// the same id is not replayed blindly; the step heals instead. A <button> that became an
// <input type=submit> with the same name is the same control to a person, so the tag of an
// element with a role does not count. Null when it fits, else why not.
function fingerprintMismatch(d, el) {
  if (!d.role && d.tag && el.tagName.toLowerCase() !== d.tag) return 'its tag is ' + el.tagName.toLowerCase() + ', not ' + d.tag;
  const role = roleOf(el);
  if (d.role && role !== d.role) return 'its role is "' + role + '", not "' + d.role + '"';
  const name = nameOf(el);
  if (d.name && !sameName(name, d.name)) return 'its name "' + name + '" is not the recorded "' + d.name + '"';
  return null;
}
function find(d, prefix) {
  let rejected = '';
  for (const [how, candidates] of strategies(d)) {
    const found = candidates();
    if (found.length !== 1) continue;
    const el = found[0];
    const mismatch = fingerprintMismatch(d, el);
    if (mismatch) {
      if (!rejected) rejected = 'found by ' + how + ' but ' + mismatch;
      continue;
    }
    let id = el.getAttribute('data-skyvern-id');
    if (!id) {
      window.__skyvernReplayIds = (window.__skyvernReplayIds || 90000) + 1;
      id = prefix + 'e' + window.__skyvernReplayIds;
      el.setAttribute('data-skyvern-id', id);
    }
    return { id, how };
  }
  return { id: '', how: rejected || 'no unique match for ' + (d.role || d.tag) + ' "' + (d.name || d.text || '') + '"' };
}
