"""Shared pieces of the benchmark pages: icons, tracking URLs, cookie banners. Deterministic."""
import html
import random

R = random.Random(20261205)
esc = html.escape

ICONS = {
    "search": '<path d="M10.5 3a7.5 7.5 0 015.96 12.06l4.24 4.24a1 1 0 01-1.42 1.42l-4.24-4.24A7.5 7.5 0 1110.5 3zm0 2a5.5 5.5 0 100 11 5.5 5.5 0 000-11z"/>',
    "cart": '<path d="M3 4h2l2.4 10.2A2 2 0 009.35 16H18a2 2 0 001.94-1.5L21.6 8H6.2"/><circle cx="9.5" cy="20" r="1.5"/><circle cx="17.5" cy="20" r="1.5"/>',
    "user": '<path d="M12 12a4.5 4.5 0 100-9 4.5 4.5 0 000 9zm0 2c-4.4 0-8 2.24-8 5v1.5h16V19c0-2.76-3.6-5-8-5z"/>',
    "heart": '<path d="M12.1 20.3l-.1.1-.1-.1C7.1 16 4 13.2 4 9.9 4 7.6 5.8 5.8 8.1 5.8c1.6 0 3.2 1 3.9 2.4.7-1.4 2.3-2.4 3.9-2.4 2.3 0 4.1 1.8 4.1 4.1 0 3.3-3.1 6.1-7.9 10.4z"/>',
    "star": '<path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"/>',
    "chevron": '<path d="M6.7 9.3a1 1 0 011.4 0L12 13.2l3.9-3.9a1 1 0 111.4 1.4l-4.6 4.6a1 1 0 01-1.4 0L6.7 10.7a1 1 0 010-1.4z"/>',
    "close": '<path d="M6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>',
    "dots": '<circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/>',
    "lock": '<path d="M7 10V7a5 5 0 0110 0v3h1a2 2 0 012 2v8a2 2 0 01-2 2H6a2 2 0 01-2-2v-8a2 2 0 012-2h1zm2 0h6V7a3 3 0 00-6 0v3z"/>',
    "info": '<path d="M12 2a10 10 0 110 20 10 10 0 010-20zm0 8a1 1 0 00-1 1v6a1 1 0 002 0v-6a1 1 0 00-1-1zm0-4a1.25 1.25 0 100 2.5A1.25 1.25 0 0012 6z"/>',
    "share": '<path d="M18 8a3 3 0 10-2.83-4H15a3 3 0 00.1.76L8.6 8.3a3 3 0 100 5.4l6.5 3.55A3 3 0 1018 15a3 3 0 00-2.1.86l-6.5-3.55a3 3 0 000-.62l6.5-3.55A3 3 0 0018 8z"/>',
    "bell": '<path d="M12 22a2.5 2.5 0 002.45-2h-4.9A2.5 2.5 0 0012 22zm7-6V11a7 7 0 00-5.5-6.84V3.5a1.5 1.5 0 00-3 0v.66A7 7 0 005 11v5l-2 2v1h18v-1l-2-2z"/>',
    "filter": '<path d="M3 5h18l-7 8.5V20l-4-2v-4.5z"/>',
    "thumb": '<path d="M2 21h4V9H2v12zm20-11a2 2 0 00-2-2h-6.3l.95-4.57.03-.32a1.5 1.5 0 00-.44-1.06L13.17 1 6.59 7.59A1.98 1.98 0 006 9v10a2 2 0 002 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"/>',
    "truck": '<path d="M1 4h13v11H1zM14 8h4l3 3.5V15h-7z"/><circle cx="5.5" cy="17.5" r="2"/><circle cx="17.5" cy="17.5" r="2"/>',
    "home": '<path d="M12 3l9 8h-3v9h-5v-6h-2v6H6v-9H3z"/>',
    "box": '<path d="M21 7.5l-9-5-9 5v9l9 5 9-5zM12 4.7l6.1 3.4L12 11.4 5.9 8.1z"/>',
    "chart": '<path d="M4 20V10h3v10H4zm6.5 0V4h3v16h-3zM17 20v-7h3v7h-3z"/>',
    "gear": '<path d="M19.4 13a7.6 7.6 0 000-2l2.1-1.6-2-3.5-2.5 1a7.3 7.3 0 00-1.7-1L15 3.3h-4l-.3 2.6a7.3 7.3 0 00-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 000 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.3 2.6h4l.3-2.6c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM12 15.5a3.5 3.5 0 110-7 3.5 3.5 0 010 7z"/>',
}


def svg(name, size=20, cls="icon", label=None):
    aria = f' role="img" aria-label="{esc(label)}"' if label else ' aria-hidden="true" focusable="false"'
    return (f'<svg class="{cls} {cls}--{name}" width="{size}" height="{size}" viewBox="0 0 24 24" '
            f'fill="currentColor" xmlns="http://www.w3.org/2000/svg"{aria}>{ICONS[name]}</svg>')


def use(name, size=16, cls="icon"):
    """An icon drawn from the page's sprite (see sprite()), as most large sites do."""
    return f'<svg class="{cls} {cls}--{name}" width="{size}" height="{size}" aria-hidden="true"><use href="#i-{name}"></use></svg>'


def sprite(*names):
    return ('<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'
            + "".join(f'<symbol id="i-{n}" viewBox="0 0 24 24">{ICONS[n]}</symbol>' for n in names) + "</svg>")


def token(n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"):
    return "".join(R.choice(alphabet) for _ in range(n))


def tracking_url(landing, source, campaign):
    """A click-tracker URL of the kind ad networks put on sponsored links (never fetched)."""
    from urllib.parse import quote
    target = f"{landing}?utm_source={source}&utm_medium=cpc&utm_campaign={campaign}&utm_content={token(10)}&gclid={token(40)}"
    return (f"https://adclick.g.doubleclick.net/pcs/click?xai=AKAOjs{token(96)}&sai=AMfl-Y{token(64)}"
            f"&sig=Cg0ArKJSz{token(28)}&fbs_aeid=%5Bgw_fbsaeid%5D&num=1&cid=CAQSKQ{token(30)}&ad_cpid={R.randint(10**9, 10**10)}"
            f"&adurl={quote(target, safe='')}")


def cookie_banner(site, policy_href):
    cats = [("Strictly necessary", "Needed for the site to work: your basket, sign-in and security. Always on.", True),
            ("Performance", "Helps us count visits and see which pages are slow, so we can fix them.", False),
            ("Functional", "Remembers choices such as your region, size preferences and recently viewed items.", False),
            ("Targeting", "Set by our advertising partners to build a profile of your interests and show you relevant ads on other sites.", False)]
    rows = []
    for i, (name, desc, locked) in enumerate(cats):
        dis = ' checked disabled' if locked else ''
        rows.append(f'''<div class="ot-cat"><div class="ot-cat__head"><h4 id="ot-h-{i}">{name}</h4>
<label class="ot-switch"><input type="checkbox" class="ot-switch__input" name="ot-group-{i}" aria-labelledby="ot-h-{i}"{dis}><span class="ot-switch__slider"></span></label></div>
<p class="ot-cat__desc">{desc}</p></div>''')
    return f'''<div id="onetrust-banner-sdk" class="otFlat ot-bottom" role="region" aria-label="Cookie banner">
<div class="ot-sdk-container"><div class="ot-sdk-row"><div id="onetrust-policy">
<h2 id="onetrust-policy-title">We value your privacy</h2>
<p id="onetrust-policy-text">{esc(site)} and our partners use cookies and similar technologies to give you a better experience, measure how the site is used and show you personalised advertising. You can accept all cookies, reject those that are not necessary, or choose by category. <a class="ot-cookie-policy-link" href="{policy_href}" aria-label="More information about your privacy, opens in a new tab" target="_blank" rel="noopener">Cookie policy</a></p></div>
<div id="onetrust-button-group"><button id="onetrust-pc-btn-handler" class="cookie-setting-link">Manage preferences</button>
<button id="onetrust-reject-all-handler">Reject all</button><button id="onetrust-accept-btn-handler">Accept all cookies</button></div></div></div></div>
<div id="onetrust-pc-sdk" class="otPcCenter ot-hide" role="dialog" aria-modal="true" aria-labelledby="ot-pc-title" style="display:none">
<div class="ot-pc-header"><h3 id="ot-pc-title">Privacy preference centre</h3><button class="ot-close-icon" aria-label="Close preference centre">{svg("close", 16)}</button></div>
<div class="ot-pc-scrollbar"><p>When you visit any website, it may store or retrieve information on your browser, mostly in the form of cookies. Because we respect your right to privacy, you can choose not to allow some types of cookies.</p>
{''.join(rows)}</div>
<div class="ot-pc-footer"><button class="save-preference-btn-handler">Confirm my choices</button><button id="accept-recommended-btn-handler">Allow all</button></div></div>
<script>
(function(){{var b=document.getElementById('onetrust-banner-sdk'),pc=document.getElementById('onetrust-pc-sdk');
function done(){{b.style.display='none';pc.style.display='none';}}
document.getElementById('onetrust-accept-btn-handler').addEventListener('click',done);
document.getElementById('onetrust-reject-all-handler').addEventListener('click',done);
document.getElementById('onetrust-pc-btn-handler').addEventListener('click',function(){{pc.style.display='block';}});
pc.querySelector('.ot-close-icon').addEventListener('click',function(){{pc.style.display='none';}});}})();
</script>'''

COOKIE_CSS = """#onetrust-banner-sdk{position:fixed;left:0;right:0;bottom:0;z-index:2147483645;background:#fff;box-shadow:0 -2px 12px rgba(0,0,0,.18);padding:18px 28px;font-size:13px}
#onetrust-banner-sdk h2{font-size:15px;margin:0 0 6px}#onetrust-button-group{display:flex;gap:10px;margin-top:10px}
#onetrust-button-group button{padding:9px 16px;border-radius:4px;border:1px solid #1f2937;background:#fff;font-weight:600;cursor:pointer}
#onetrust-accept-btn-handler{background:#1f2937!important;color:#fff}
#onetrust-pc-sdk{position:fixed;inset:10% 25%;background:#fff;z-index:2147483646;overflow:auto;padding:20px;border-radius:6px}
.ot-cat__head{display:flex;justify-content:space-between;align-items:center}.ot-switch__input{width:36px;height:18px}"""
