"""Admin orders table: 50 rows, per-row 'More actions' menus (hidden), collapsed sidebar groups, sponsored apps."""
from common import R, esc, svg, use, sprite, tracking_url

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Isabella", "Ethan", "Mia", "Amir", "Chloe", "Hiro", "Zara",
         "Diego", "Priya", "Jonas", "Fatima", "Kwame", "Ingrid", "Tomás", "Mei", "Sean", "Leila", "Oskar", "Aisha", "Ruben", "Nadia", "Caleb"]
LAST = ["Johnson", "Okafor", "Nguyen", "Schmidt", "García", "Kowalski", "Tanaka", "Brennan", "Haddad", "Lindqvist", "Patel", "Moreau",
        "O'Neill", "Rossi", "Mensah", "Fischer", "Silva", "Cohen", "Ivanova", "Baker"]
CHANNELS = ["Online Store", "Online Store", "Online Store", "Point of Sale", "Shop app", "Instagram", "Wholesale"]
PAY = [("Paid", "success"), ("Paid", "success"), ("Paid", "success"), ("Pending", "attention"), ("Partially refunded", "info"),
       ("Refunded", "neutral"), ("Authorized", "attention")]
FUL = [("Fulfilled", "neutral"), ("Unfulfilled", "attention"), ("Unfulfilled", "attention"), ("Partially fulfilled", "warning"),
       ("Fulfilled", "neutral"), ("On hold", "critical"), ("In progress", "info")]
DELIVERY = ["Standard shipping", "Express", "Free shipping", "Local pickup", "Local delivery", "Economy international"]
TAGS = ["", "", "", "wholesale", "VIP", "gift", "fraud-review", "preorder", "repeat-customer", "subscription"]
MENU = ["Duplicate", "Print packing slip", "Refund", "Archive", "Cancel order"]


def nav():
    groups = [("Home", "home", []), ("Orders", "box", ["Drafts", "Abandoned checkouts"]),
              ("Products", "box", ["Collections", "Inventory", "Purchase orders", "Transfers", "Gift cards"]),
              ("Customers", "user", ["Segments", "Companies"]), ("Content", "gear", ["Metaobjects", "Files", "Menus", "Blog posts"]),
              ("Analytics", "chart", ["Reports", "Live View"]), ("Marketing", "chart", ["Campaigns", "Automations", "Attribution"]),
              ("Discounts", "filter", [])]
    out = []
    for name, icon, subs in groups:
        active = name == "Orders"
        sub = ""
        if subs:
            sub = (f'<ul class="nav-sub"{"" if active else " hidden"}>' + "".join(
                f'<li><a class="nav-sub__link" href="/admin/{name.lower()}/{s.lower().replace(" ", "_")}">{s}</a></li>' for s in subs) + "</ul>")
        cur = ' aria-current="page"' if active else ""
        out.append(f'<li class="nav-item{" nav-item--active" if active else ""}"><a class="nav-item__link" href="/admin/{name.lower()}"'
                   f'{cur}>{svg(icon, 18)}<span>{name}</span>'
                   + (f'<span class="nav-badge">{R.randint(5, 30)}</span>' if name == "Orders" else "") + f'</a>{sub}</li>')
    return "".join(out)


def row(i, num):
    first, last = R.choice(FIRST), R.choice(LAST)
    day = 28 - i // 3
    hh, mm = R.randint(0, 23), R.randint(0, 59)
    total = R.choice([24.0, 39.5, 58.0, 72.25, 96.0, 129.0, 184.5, 233.0, 412.0, 1299.0]) + R.randint(0, 99) / 100
    pay, paytone = R.choice(PAY)
    ful, fultone = R.choice(FUL)
    items = R.randint(1, 9)
    tag = R.choice(TAGS)
    oid = 5_600_000_000_000 + num * 131
    menu_items = "".join(f'<li><button role="menuitem"{" class=destructive" if m == "Cancel order" else ""}>{m}</button></li>' for m in MENU)
    return f'''<tr class="row{" row--unread" if i % 6 == 0 else ""}" data-id="{oid}">
<td class="cell cell--first"><label class="Checkbox"><input type="checkbox" name="selected[]" value="{oid}"><span class="visually-hidden">Select order #{num}</span></label></td>
<td class="cell cell--order"><a class="row-link" href="/admin/orders/{oid}"><b>#{num}</b></a></td>
<td class="cell muted" title="November {day}, 2026 at {hh:02d}:{mm:02d}">Nov {day} at {(hh % 12) or 12}:{mm:02d} {"pm" if hh >= 12 else "am"}</td>
<td class="cell"><a href="/admin/customers/{7_100_000_000 + num}">{esc(first)} {esc(last)}</a></td>
<td class="cell">{R.choice(CHANNELS)}</td><td class="cell num">${total:,.2f}</td>
<td class="cell"><span class="Badge Badge--{paytone}">{pay}</span></td><td class="cell"><span class="Badge Badge--{fultone}">{ful}</span></td>
<td class="cell"><button type="button" class="items-btn" aria-expanded="false">{items} item{"s" if items > 1 else ""} {use("chevron", 12)}</button></td>
<td class="cell">{R.choice(DELIVERY)}</td><td class="cell">{f'<span class="Tag">{tag}</span>' if tag else ""}</td>
<td class="cell cell--actions"><div class="Popover-Wrapper"><button type="button" class="Button Button--plain" aria-haspopup="menu" aria-expanded="false" aria-label="More actions for order #{num}">{use("dots", 16)}</button>
<div class="Popover" hidden><ul class="ActionList" role="menu">{menu_items}</ul></div></div></td></tr>'''


def page():
    rows = "".join(row(i, 18391 - i) for i in range(50))
    apps = "".join(f'<li class="AppCard"><a rel="sponsored" href="{tracking_url(u, "shopdesk_admin", "orders_sidebar_apps")}"><strong>{esc(n)}</strong><span>{esc(d)}</span><span class="AppCard__ad">Ad</span></a></li>' for n, d, u in [
        ("ShipRight Labels", "Discounted USPS, UPS and DHL labels. Free plan for 50 labels a month.", "https://apps.example-market.com/shipright-labels"),
        ("ReturnLoop", "Self-serve returns portal with instant exchanges. 4.9★ (2,310 reviews).", "https://apps.example-market.com/returnloop"),
        ("FraudShield", "Chargeback guarantee on every approved order. 14-day free trial.", "https://apps.example-market.com/fraudshield")])
    return f'''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Orders · Lumen &amp; Loom · Shopdesk</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
*{{box-sizing:border-box}}body{{margin:0;font:13px/1.4 Inter,-apple-system,"Segoe UI",sans-serif;background:#f1f1f1;color:#303030}}
.visually-hidden{{position:absolute!important;top:0;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}}
.TopBar{{display:flex;align-items:center;gap:16px;height:56px;background:#1a1a1a;color:#e3e3e3;padding:0 16px}}.TopBar__search{{flex:1;max-width:560px;display:flex;background:#303030;border-radius:8px;padding:4px 8px}}
.TopBar__search input{{flex:1;background:transparent;border:0;color:#fff}}.TopBar__menu{{position:relative}}.TopBar__popover{{position:absolute;right:0;top:40px;background:#fff;color:#303030;width:300px;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.2);padding:12px}}
.Frame{{display:grid;grid-template-columns:240px 1fr 260px}}.Navigation{{padding:12px 8px;min-height:100vh}}.Navigation ul{{list-style:none;margin:0;padding:0}}
.nav-item__link{{display:flex;gap:8px;align-items:center;padding:6px 8px;border-radius:8px;color:#303030;text-decoration:none;font-weight:550}}.nav-item--active>.nav-item__link{{background:#fff}}
.nav-sub{{padding-left:34px!important}}.nav-sub__link{{display:block;padding:4px 0;color:#616161;text-decoration:none}}.nav-badge{{margin-left:auto;background:#e3e3e3;border-radius:8px;padding:0 6px;font-size:11px}}
.Page{{padding:20px 24px}}.Page-Header{{display:flex;justify-content:space-between;align-items:center}}.Page-Header h1{{font-size:20px}}
.Card{{background:#fff;border-radius:12px;box-shadow:0 1px 0 rgba(0,0,0,.07);overflow:visible}}.Tabs{{display:flex;gap:4px;padding:8px;list-style:none;margin:0;border-bottom:1px solid #ebebeb}}
.Tab{{border:0;background:none;padding:6px 12px;border-radius:8px;cursor:pointer}}.Tab[aria-selected="true"]{{background:#ebebeb;font-weight:600}}
.Filters{{display:flex;gap:8px;padding:8px;align-items:center}}.Filters input,.Filters select{{border:1px solid #8a8a8a;border-radius:8px;padding:6px}}
.IndexTable{{width:100%;border-collapse:collapse}}.IndexTable th{{text-align:left;font-weight:550;color:#616161;background:#f7f7f7;padding:8px;border-bottom:1px solid #ebebeb;white-space:nowrap}}
.cell{{padding:6px 8px;border-bottom:1px solid #ebebeb;white-space:nowrap}}.row:hover{{background:#f7f7f7}}.IndexTable-TableRow--unread .cell{{font-weight:600}}
.num{{text-align:right}}.Badge{{display:inline-flex;gap:4px;align-items:center;border-radius:8px;padding:2px 8px;font-size:12px;background:#e3e3e3}}
.Badge--success{{background:#cdfee1}}.Badge--attention{{background:#ffef9d}}.Badge--critical{{background:#fedad9}}.Badge--info{{background:#e0f0ff}}.Badge--warning{{background:#ffd6a4}}
.Tag{{background:#ebebeb;border-radius:8px;padding:2px 6px}}.Popover-Wrapper{{position:relative}}.Popover{{position:absolute;right:0;z-index:40;background:#fff;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.2);padding:6px;width:200px}}
.ActionList{{list-style:none;margin:0;padding:0}}.menu__item{{display:block;width:100%;text-align:left;border:0;background:none;padding:6px 8px;border-radius:8px}}.menu__item--destructive{{color:#8e0b21}}
.Pagination{{display:flex;justify-content:space-between;align-items:center;padding:10px}}.Sidebar{{padding:20px 16px}}.AppCard a{{display:block;background:#fff;border-radius:12px;padding:12px;margin-bottom:8px;color:#303030;text-decoration:none}}
.Banner{{background:#eaf4ff;border-radius:12px;padding:12px 16px;margin-bottom:12px;display:flex;gap:12px;align-items:flex-start}}
</style></head><body>
{sprite("dots", "chevron")}
<header class="TopBar"><a href="/admin" class="TopBar__logo" aria-label="Shopdesk home">◆ shopdesk</a>
<div class="TopBar__search" role="search">{svg("search", 16)}<label for="global-search" class="visually-hidden">Search</label><input id="global-search" type="search" placeholder="Search" autocomplete="off"><kbd>⌘ K</kbd></div>
<div class="TopBar__menu"><button type="button" class="TopBar__notifications" aria-label="Notifications, 3 unread" aria-expanded="false">{svg("bell", 18)}<span class="TopBar__dot">3</span></button>
<div class="TopBar__popover" hidden><h2>Notifications</h2><ul><li><a href="/admin/orders/5600000000131">Order #18390 is at risk of fraud: review before fulfilling</a></li><li><a href="/admin/products/inventory?low=1">12 products are low in stock</a></li><li><a href="/admin/settings/billing">Your invoice for November is ready</a></li></ul><a href="/admin/notifications">View all notifications</a></div></div>
<div class="TopBar__menu"><button type="button" class="TopBar__user" aria-expanded="false"><span class="Avatar">MK</span> Lumen &amp; Loom</button>
<div class="TopBar__popover" hidden><p>Maya Kaur<br><small>maya@lumenandloom.com</small></p><ul><li><a href="/admin/settings">Settings</a></li><li><a href="/admin/settings/account">Your profile</a></li><li><a href="https://help.shopdesk.example/">Help center</a></li><li><a href="/admin/stores">Switch stores</a></li><li><button type="button">Log out</button></li></ul></div></div></header>
<div class="Frame"><nav class="Navigation" aria-label="Main"><ul>{nav()}</ul><p class="Navigation__section">Sales channels</p><ul><li class="nav-item"><a class="nav-item__link" href="/admin/channels/online_store">{svg("home", 18)}<span>Online Store</span></a></li><li class="nav-item"><a class="nav-item__link" href="/admin/channels/pos">{svg("cart", 18)}<span>Point of Sale</span></a></li></ul>
<ul><li class="nav-item"><a class="nav-item__link" href="/admin/settings">{svg("gear", 18)}<span>Settings</span></a></li></ul></nav>
<main class="Page" id="AppFrameMain"><div class="Banner" role="status"><span>{svg("info", 18)}</span><div><p><strong>New: order risk insights.</strong> See why an order was flagged and which signals matter, right on the order page.</p><a href="/admin/whats-new/risk-insights">Learn more</a> <button type="button" class="Banner__dismiss" aria-label="Dismiss notification">{svg("close", 14)}</button></div></div>
<div class="Page-Header"><h1>Orders</h1><div class="Page-Header__actions"><button type="button" class="Button">Export</button><div class="Popover-Wrapper"><button type="button" class="Button" aria-expanded="false" aria-haspopup="menu">More actions {svg("chevron", 12)}</button><div class="Popover" hidden><ul class="ActionList" role="menu"><li role="none"><button role="menuitem" type="button" class="menu__item">Import orders</button></li><li role="none"><button role="menuitem" type="button" class="menu__item">Print packing slips</button></li><li role="none"><button role="menuitem" type="button" class="menu__item">Manage order risk rules</button></li></ul></div></div><a class="Button Button--primary" href="/admin/draft_orders/new">Create order</a></div></div>
<div class="Stats Card"><ul class="Stats__list"><li><span>Today</span> <strong>38 orders</strong></li><li><span>Items ordered</span> <strong>112</strong></li><li><span>Returns</span> <strong>$412.80</strong></li><li><span>Orders fulfilled</span> <strong>29</strong></li><li><span>Orders delivered</span> <strong>21</strong></li></ul></div>
<div class="Card"><ul class="Tabs" role="tablist"><li><button role="tab" class="Tab" aria-selected="true">All</button></li><li><button role="tab" class="Tab" aria-selected="false">Unfulfilled</button></li><li><button role="tab" class="Tab" aria-selected="false">Unpaid</button></li><li><button role="tab" class="Tab" aria-selected="false">Open</button></li><li><button role="tab" class="Tab" aria-selected="false">Closed</button></li><li><button role="tab" class="Tab" aria-selected="false">Local delivery</button></li><li><button type="button" class="Tab" aria-label="Create new view">+</button></li></ul>
<div class="Filters"><label for="order-search" class="visually-hidden">Search orders</label><input id="order-search" type="search" placeholder="Searching all orders" name="query">
<label for="status-filter" class="visually-hidden">Payment status</label><select id="status-filter" name="financial_status"><option value="" selected>Payment status</option><option value="paid">Paid</option><option value="pending">Pending</option><option value="authorized">Authorized</option><option value="refunded">Refunded</option><option value="partially_refunded">Partially refunded</option><option value="voided">Voided</option></select>
<label for="date-from" class="visually-hidden">From date</label><input id="date-from" type="date" name="created_at_min" value="2026-11-01"><label for="date-to" class="visually-hidden">To date</label><input id="date-to" type="date" name="created_at_max" value="2026-11-30">
<button type="button" class="Button" aria-expanded="false" aria-controls="more-filters">{svg("filter", 14)} More filters</button><button type="button" class="Button Button--plain">Sort</button>
<div id="more-filters" class="Filters__sheet" hidden><h2>More filters</h2><label><input type="checkbox" name="fulfillment_status" value="unfulfilled"> Unfulfilled</label><label><input type="checkbox" name="risk_level" value="high"> High risk</label><label><input type="checkbox" name="tag" value="wholesale"> Tagged wholesale</label><label for="channel-filter">Sales channel</label><select id="channel-filter"><option>Any</option><option>Online Store</option><option>Point of Sale</option><option>Shop app</option></select></div></div>
<table class="IndexTable"><thead><tr><th><div class="Checkbox"><label><input type="checkbox" aria-label="Select all orders"><span class="visually-hidden">Select all 50 orders</span></label></div></th><th>Order</th><th>Date</th><th>Customer</th><th>Channel</th><th class="num">Total</th><th>Payment status</th><th>Fulfillment status</th><th>Items</th><th>Delivery method</th><th>Tags</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>{rows}</tbody></table>
<div class="Pagination"><span>1–50 of 1,284 orders</span><div><label for="per-page">Rows per page</label> <select id="per-page"><option>20</option><option selected>50</option><option>100</option></select></div><nav aria-label="Pagination"><button type="button" class="Button" disabled aria-label="Previous">‹</button><a class="Button" href="/admin/orders?page_info=eyJsYXN0X2lkIjo1NjAwMDAwMDA2NDE5LCJkaXJlY3Rpb24iOiJuZXh0In0" aria-label="Next">›</a></nav></div></div>
<p class="FooterHelp">Learn more about <a href="https://help.shopdesk.example/manual/orders">orders</a></p></main>
<aside class="Sidebar" aria-label="Recommended apps"><h2>Recommended for your store</h2><ul class="AppList">{apps}</ul></aside></div>
<script>
document.querySelectorAll('[aria-haspopup="menu"], .TopBar__notifications, .TopBar__user, .ItemsPopover-Button').forEach(function(b){{b.addEventListener('click',function(ev){{ev.stopPropagation();var p=b.nextElementSibling;if(!p)return;var open=p.hidden;document.querySelectorAll('.Popover,.TopBar__popover').forEach(function(x){{x.hidden=true;}});p.hidden=!open;b.setAttribute('aria-expanded',String(open));}});}});
document.addEventListener('click',function(){{document.querySelectorAll('.Popover,.TopBar__popover').forEach(function(x){{x.hidden=true;}});}});
document.querySelector('[aria-controls="more-filters"]').addEventListener('click',function(e){{var s=document.getElementById('more-filters');s.hidden=!s.hidden;e.currentTarget.setAttribute('aria-expanded',String(!s.hidden));}});
</script></body></html>'''
