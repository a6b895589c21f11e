"""E-commerce category page: mega-menu, facets, 24 product cards (3 sponsored), cookie banner."""
from common import R, esc, svg, use, sprite, token, tracking_url, cookie_banner, COOKIE_CSS

SITE = "Northfield Outfitters"
MENU = {
    "Men": [("Clothing", ["Jackets & Coats", "Fleece & Midlayers", "Base Layers", "Shirts", "Hoodies & Sweatshirts", "Pants", "Shorts", "Swimwear"]),
            ("Footwear", ["Hiking Boots", "Trail Runners", "Sandals", "Winter Boots", "Casual Shoes"]),
            ("Accessories", ["Hats & Beanies", "Gloves", "Socks", "Belts", "Sunglasses", "Bags & Packs"]),
            ("Featured", ["New Arrivals", "Bestsellers", "Rainwear Shop", "Gift Guide", "Sustainable Picks"])],
    "Women": [("Clothing", ["Jackets & Coats", "Fleece", "Base Layers", "Tops", "Dresses & Skirts", "Leggings", "Pants", "Swimwear"]),
              ("Footwear", ["Hiking Boots", "Trail Runners", "Sandals", "Winter Boots"]),
              ("Accessories", ["Hats", "Gloves & Mittens", "Socks", "Scarves", "Packs"]),
              ("Featured", ["New Arrivals", "Plus Sizes", "Petite", "Gift Guide"])],
    "Kids": [("Boys", ["Jackets", "Snow Pants", "Fleece", "Tops", "Footwear"]), ("Girls", ["Jackets", "Snow Pants", "Fleece", "Tops", "Footwear"]),
             ("Baby & Toddler", ["Buntings", "One-pieces", "Rain Suits"])],
    "Camp & Hike": [("Shelter", ["Tents", "Tarps", "Hammocks", "Footprints"]), ("Sleep", ["Sleeping Bags", "Sleeping Pads", "Pillows"]),
                    ("Kitchen", ["Stoves", "Cookware", "Water Filters", "Coolers"]), ("Navigation", ["GPS", "Headlamps", "Compasses", "Maps"])],
    "Snow": [("Ski & Board", ["Skis", "Snowboards", "Bindings", "Helmets", "Goggles"]), ("Apparel", ["Ski Jackets", "Ski Pants", "Bibs", "Base Layers"])],
    "Sale": [("Up to 50% off", ["Men's Sale", "Women's Sale", "Kids' Sale", "Gear Sale", "Footwear Sale", "Last Chance"])],
}
BRANDS = [("Northfield", 41), ("Ridgeline", 28), ("Alder & Pine", 17), ("Summit Co.", 22), ("Kestrel", 15), ("Harbor Mill", 9),
          ("Tundra Works", 12), ("Fjellvik", 8), ("Cascade Supply", 19), ("Bracken", 6), ("Oaken Trail", 5), ("Polar Reach", 11)]
COLORS = ["Black", "Navy", "Olive", "Burnt Orange", "Slate Grey", "Forest Green", "Sand", "Burgundy", "Glacier Blue", "Charcoal"]
PRODUCTS = [
    ("Ridgeline", "Stormshell 3L Waterproof Jacket", 229.00, 179.00, 4.6, 812, ["Waterproof", "Packable"]),
    ("Northfield", "Thermal Down Parka 700-Fill", 349.00, None, 4.8, 1204, ["Insulated", "Hooded"]),
    ("Alder & Pine", "Waxed Cotton Field Coat", 295.00, None, 4.4, 233, ["Water-resistant"]),
    ("Kestrel", "Ultralight Packable Puffer", 189.00, 139.00, 4.5, 655, ["Packable", "Insulated"]),
    ("Harbor Mill", "Quilted Liner Jacket", 129.00, None, 4.2, 97, []),
    ("Summit Co.", "Fleece-Lined Softshell", 159.00, 119.25, 4.3, 388, ["Windproof"]),
    ("Tundra Works", "Insulated Duck Canvas Work Jacket", 179.00, None, 4.7, 1530, ["Insulated"]),
    ("Fjellvik", "Merino Wool Blend Overshirt", 145.00, None, 4.1, 64, []),
    ("Cascade Supply", "Trailhead Rain Anorak", 119.00, 89.00, 4.0, 211, ["Waterproof"]),
    ("Bracken", "Sherpa-Lined Trucker Jacket", 138.00, None, 4.6, 402, ["Insulated"]),
    ("Northfield", "Ridge Hybrid Insulated Hoodie", 199.00, None, 4.5, 290, ["Hooded", "Insulated"]),
    ("Ridgeline", "Alpine Guide GORE-TEX Pro Shell", 549.00, None, 4.9, 143, ["Waterproof", "Helmet-compatible"]),
    ("Polar Reach", "Expedition Parka -40°", 629.00, 499.00, 4.8, 88, ["Insulated", "Hooded"]),
    ("Summit Co.", "Windbreaker Half-Zip Pullover", 89.00, 62.30, 3.9, 175, ["Packable"]),
    ("Oaken Trail", "Recycled Nylon Bomber", 110.00, None, 4.2, 51, []),
    ("Kestrel", "Synthetic Insulated Vest", 99.00, None, 4.4, 320, ["Packable"]),
    ("Alder & Pine", "Harris Tweed Chore Coat", 329.00, None, 4.7, 39, []),
    ("Cascade Supply", "Three-in-One Interchange Jacket", 259.00, 199.00, 4.3, 702, ["Waterproof", "Insulated"]),
    ("Northfield", "Classic Corduroy Sherpa Jacket", 149.00, None, 4.5, 460, ["Insulated"]),
    ("Tundra Works", "Hi-Vis Rain Shell", 139.00, None, 4.1, 86, ["Waterproof"]),
    ("Harbor Mill", "Cotton Twill Chore Jacket", 98.00, 68.60, 4.0, 145, []),
]
SPONSORED = [("Trailpeak", "Summit Pro Insulated Jacket", 289.00, 4.7, 1893, "https://www.trailpeak.com/men/jackets/summit-pro-insulated"),
             ("Everglow", "Heated Softshell Jacket with Battery Pack", 249.99, 4.2, 534, "https://everglow-gear.com/products/heated-softshell"),
             ("Nordhaven", "Loden Wool Hunting Coat", 410.00, 4.6, 77, "https://nordhaven.co/collections/coats/loden-hunting-coat")]


def slug(s):
    return "".join(c.lower() if c.isalnum() else "-" for c in s).replace("--", "-").strip("-")


def mega_menu():
    items = []
    for i, (top, cols) in enumerate(MENU.items()):
        colhtml = "".join(
            f'<div class="mega__col"><p class="mega__heading">{esc(h)}</p><ul class="mega__list">'
            + "".join(f'<li><a class="mega__link" href="/collections/{slug(top)}-{slug(x)}">{esc(x)}</a></li>' for x in links)
            + "</ul></div>" for h, links in cols)
        promo = (f'<a class="mega__promo" href="/pages/{slug(top)}-new-season"><img src="/cdn/shop/files/menu-promo-{slug(top)}_400x.jpg?v=17{R.randint(10**7, 10**8)}" '
                 f'alt="{esc(top)}: new season layers" width="260" height="180" loading="lazy"><span>Shop new season</span></a>')
        items.append(f'''<li class="nav__item nav__item--has-mega" data-menu="{i}">
<button class="nav__toggle" aria-expanded="false" aria-controls="mega-{i}">{esc(top)}{svg("chevron", 14)}</button>
<div class="mega" id="mega-{i}"><div class="mega__inner">{colhtml}{promo}</div></div></li>''')
    return '<nav class="nav" aria-label="Main"><ul class="nav__list">' + "".join(items) + \
        '<li class="nav__item"><a class="nav__link nav__link--accent" href="/collections/clearance">Clearance</a></li></ul></nav>'


def checkbox_list(name, options, more_after=None):
    out = []
    for j, (label, count) in enumerate(options):
        hidden = ' class="facet__value facet__value--extra" hidden' if more_after and j >= more_after else ' class="facet__value"'
        out.append(f'<li{hidden}><label class="facet__label"><input type="checkbox" name="filter.p.{name}" value="{esc(label)}" '
                   f'class="facet__checkbox"> <span class="facet__text">{esc(label)}</span> <span class="facet__count">({count})</span></label></li>')
    more = (f'<button class="facet__more" type="button" aria-expanded="false">+ {len(options) - more_after} more</button>' if more_after else "")
    return "<ul class=\"facet__values\">" + "".join(out) + "</ul>" + more


def facets():
    groups = [
        ("Category", checkbox_list("product_type", [("Rain Jackets", 38), ("Insulated Jackets", 52), ("Parkas", 14), ("Softshells", 21),
                                                     ("Vests", 18), ("Fleece Jackets", 27), ("Casual Jackets", 33)])),
        ("Brand", checkbox_list("vendor", BRANDS, more_after=6)),
        ("Size", '<div class="facet__sizes">' + "".join(
            f'<button type="button" class="size-chip" aria-pressed="false" data-value="{s}">{s}</button>' for s in
            ["XS", "S", "M", "L", "XL", "XXL", "3XL"]) + "</div>"),
        ("Colour", '<ul class="facet__swatches">' + "".join(
            f'<li><label class="swatch" title="{c}"><input type="checkbox" name="filter.v.option.color" value="{c}" class="visually-hidden">'
            f'<span class="swatch__chip" style="background:{R.choice(["#111", "#1e3a5f", "#556b2f", "#c2571a", "#6b7280", "#1f5135", "#d6c6a5", "#7f1d1d", "#9cc9e6", "#374151"])}"></span>'
            f'<span class="visually-hidden">{c}</span></label></li>' for c in COLORS) + "</ul>"),
        ("Price", '<div class="facet__price"><label for="price-min">From</label><input id="price-min" type="number" name="filter.v.price.gte" '
                  'placeholder="$0" min="0" max="700"><label for="price-max">To</label><input id="price-max" type="number" name="filter.v.price.lte" '
                  'placeholder="$700" min="0" max="700"><button type="submit" class="btn btn--small">Apply</button></div>'),
        ("Customer rating", '<ul class="facet__values">' + "".join(
            f'<li><label class="facet__label"><input type="radio" name="filter.rating" value="{n}"> <span class="stars" aria-hidden="true">'
            + use("star", 12) * n + f'</span> {n} stars &amp; up</label></li>' for n in (4, 3, 2)) + "</ul>"),
        ("Features", checkbox_list("feature", [("Waterproof", 61), ("Windproof", 40), ("Packable", 29), ("Hooded", 88), ("Recycled materials", 34),
                                                ("Helmet-compatible", 7), ("Pit zips", 12)])),
    ]
    parts = []
    for k, (title, body) in enumerate(groups):
        parts.append(f'<details class="facet" {"open" if k < 5 else ""}><summary class="facet__summary">{title}{svg("chevron", 16)}</summary>'
                     f'<div class="facet__body">{body}</div></details>')
    return f'<aside class="plp__filters" aria-label="Filters"><form id="FacetFiltersForm" action="/collections/mens-jackets-coats" method="get">' \
           f'<h2 class="plp__filters-title">{svg("filter", 16)} Filter</h2>{"".join(parts)}</form></aside>'


def stars(rating):
    full = int(round(rating))
    return "".join(use("star", 14, "star" + (" star--empty" if i >= full else "")) for i in range(5))


def card(i, brand, name, price, sale, rating, reviews, tags, sponsored=None):
    handle = slug(brand + " " + name)
    href = sponsored or f"/products/{handle}?variant={R.randint(4 * 10**13, 5 * 10**13)}"
    img = f"/cdn/shop/products/{handle}-{R.choice(['black', 'navy', 'olive'])}"
    colors = R.sample(COLORS, R.randint(2, 5))
    swatches = "".join(f'<li><button class="card-swatch" aria-label="{c}"></button></li>' for c in colors)
    price_html = (f'<span class="price price--sale"><span class="visually-hidden">Sale price</span>${sale:,.2f}</span>'
                  f'<s class="price price--compare"><span class="visually-hidden">Regular price</span>${price:,.2f}</s>'
                  f'<span class="badge badge--sale">Save {round(100 * (1 - sale / price))}%</span>') if sale else f'<span class="price">${price:,.2f}</span>'
    badge = '<span class="card__badge card__badge--sponsored">Sponsored</span>' if sponsored else (
        '<span class="card__badge">New</span>' if i % 7 == 2 else ("<span class=\"card__badge card__badge--best\">Bestseller</span>" if reviews > 1000 else ""))
    tag_html = "".join(f'<li class="card__feature">{t}</li>' for t in tags)
    return f'''<li class="grid__item" data-product-id="{7_000_000_000 + i * 7919}">
<div class="card-wrapper product-card{' product-card--sponsored' if sponsored else ''}">
<div class="card__media"><a href="{href}" class="card__media-link" tabindex="-1" aria-hidden="true">
<img srcset="{img}_360x.jpg 360w, {img}_720x.jpg 720w" src="{img}_533x.jpg?v=1699{i:03d}" sizes="(min-width: 990px) 267px, 50vw" alt="{esc(brand)} {esc(name)} in {colors[0]}" class="motion-reduce" loading="lazy" width="533" height="666">
</a>{badge}<button class="card__wishlist" type="button" aria-label="Add {esc(name)} to wishlist">{use("heart", 18)}</button>
<div class="card__quick" hidden><button type="button" class="quick-add__submit" aria-haspopup="dialog">Quick view</button><button type="button" class="quick-add__size">Choose size</button></div></div>
<div class="card__content"><p class="card__vendor caption-with-letter-spacing">{esc(brand)}</p>
<h3 class="card__heading h5"><a href="{href}" class="full-unstyled-link" id="CardLink-{i}">{esc(name)}</a></h3>
<div class="card__rating" role="img" aria-label="{rating} out of 5 stars">{stars(rating)}<a class="card__reviews" href="{href}#reviews">({reviews:,})</a></div>
<div class="price__container">{price_html}</div><ul class="card__swatches" aria-label="Colours">{swatches}</ul>
<ul class="card__features">{tag_html}</ul>
<button type="button" class="btn btn--secondary card__add" data-variant="{4 * 10**13 + i}">Add to cart</button></div></div></li>'''


def page():
    cards = []
    sp = list(SPONSORED)
    items = list(PRODUCTS)
    pos = 0
    for k in range(24):
        if k in (0, 9, 18):
            b, n, p, r, rv, land = sp.pop(0)
            cards.append(card(k, b, n, p, None, r, rv, ["Insulated"], sponsored=tracking_url(land, "northfield", "fw24_shopping")))
        else:
            b, n, p, s, r, rv, t = items[pos]
            pos += 1
            cards.append(card(k, b, n, p, s, r, rv, t))
    footer_cols = {"Help": ["Contact us", "Order status", "Shipping", "Returns & exchanges", "Size charts", "Product recalls"],
                   "About": ["Our story", "Sustainability", "Careers", "Press", "Stores near you"],
                   "Programs": ["Northfield Rewards", "Gift cards", "Military discount", "Student discount", "Pro deals"],
                   "Legal": ["Privacy policy", "Terms of use", "Accessibility", "Do not sell or share my personal information"]}
    footer = "".join(f'<div class="footer__col"><h2 class="footer__heading">{h}</h2><ul>' + "".join(
        f'<li><a href="/pages/{slug(x)}">{esc(x)}</a></li>' for x in xs) + "</ul></div>" for h, xs in footer_cols.items())
    ads = "".join(f'<li><a rel="sponsored nofollow" href="{tracking_url(u, "northfield", "footer_text")}">{esc(t)}</a></li>' for t, u in [
        ("Save 20% on Trailpeak insulated jackets", "https://www.trailpeak.com/sale"),
        ("Everglow heated gear – free battery", "https://everglow-gear.com/promo"),
        ("Compare ski packages at SnowDeals", "https://snowdeals.example-partner.com/packages"),
        ("Get 3 months free of TrailMap Pro", "https://trailmap.app/pro")])
    return f'''<!DOCTYPE html>
<html lang="en" class="no-js"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Men's Jackets &amp; Coats | {SITE}</title>
<meta name="description" content="Shop men's jackets and coats at {SITE}: waterproof shells, down parkas, softshells and more. Free shipping over $75 and free returns.">
<link rel="canonical" href="https://www.northfield-outfitters.com/collections/mens-jackets-coats">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{{"@type":"ListItem","position":1,"name":"Men","item":"https://www.northfield-outfitters.com/collections/men"}},{{"@type":"ListItem","position":2,"name":"Jackets & Coats"}}]}}</script>
<style>
:root{{--color-base-text:18,18,18;--color-accent:31,81,53;--font-body-scale:1;--page-width:1400px}}
*{{box-sizing:border-box}}body{{margin:0;font:14px/1.5 "Helvetica Neue",Arial,sans-serif;color:rgb(var(--color-base-text))}}
.visually-hidden{{position:absolute!important;overflow:hidden;width:1px;height:1px;margin:-1px;padding:0;border:0;clip:rect(0 0 0 0);white-space:nowrap}}
.announcement-bar{{background:#1f5135;color:#fff;text-align:center;padding:6px;font-size:12px}}.announcement-bar a{{color:#fff}}
.header{{display:grid;grid-template-columns:200px 1fr 320px;align-items:center;padding:12px 32px;border-bottom:1px solid #e5e5e5}}
.header__logo{{font-weight:800;font-size:22px;text-decoration:none;color:#111}}.header__icons{{display:flex;gap:14px;justify-content:flex-end}}
.search{{display:flex;border:1px solid #999;border-radius:20px;overflow:hidden}}.search input{{flex:1;border:0;padding:8px 14px}}
.nav__list{{display:flex;gap:22px;list-style:none;margin:0;padding:0 32px;border-bottom:1px solid #eee}}.nav__item{{position:relative}}
.nav__toggle{{background:none;border:0;padding:14px 0;font-weight:600;cursor:pointer;display:flex;gap:4px;align-items:center}}
.mega{{display:none;position:absolute;left:0;top:100%;z-index:30;background:#fff;box-shadow:0 8px 24px rgba(0,0,0,.12);width:900px;padding:24px}}
.nav__item.is-open .mega{{display:block}}.mega__inner{{display:flex;gap:32px}}.mega__list{{list-style:none;padding:0}}
.breadcrumbs{{padding:12px 32px;font-size:12px}}.breadcrumbs ol{{display:flex;gap:6px;list-style:none;padding:0;margin:0}}
.plp{{display:grid;grid-template-columns:260px 1fr;gap:32px;padding:0 32px}}.facet__values{{list-style:none;padding:0}}
.facet__summary{{display:flex;justify-content:space-between;font-weight:700;padding:12px 0;cursor:pointer}}
.size-chip{{border:1px solid #ccc;background:#fff;padding:6px 10px;margin:2px}}.facet__swatches{{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0}}
.swatch__chip{{display:inline-block;width:24px;height:24px;border-radius:50%}}
.plp__toolbar{{display:flex;justify-content:space-between;align-items:center;padding:8px 0}}
.product-grid{{display:grid;grid-template-columns:repeat(4,1fr);gap:24px;list-style:none;padding:0}}
.card__media{{position:relative;aspect-ratio:4/5;background:#f2f2f2}}.card__media img{{width:100%;height:100%;object-fit:cover}}
.card__badge{{position:absolute;left:8px;top:8px;background:#fff;padding:2px 8px;font-size:11px;border-radius:10px}}
.card__wishlist{{position:absolute;right:8px;top:8px;border:0;background:#fff;border-radius:50%;padding:6px}}
.card__swatches,.card__features{{display:flex;gap:4px;list-style:none;padding:0;margin:4px 0}}.card-swatch{{width:16px;height:16px;border-radius:50%;border:1px solid #ccc;background:var(--swatch)}}
.card__feature{{font-size:11px;color:#555;border:1px solid #ddd;padding:0 6px;border-radius:8px}}
.price--sale{{color:#b91c1c;font-weight:700;margin-right:6px}}.price--compare{{color:#777}}.badge--sale{{margin-left:6px;font-size:11px;color:#b91c1c}}
.star{{color:#f59e0b}}.star--empty{{color:#ddd}}.pagination{{display:flex;gap:8px;justify-content:center;padding:24px;list-style:none}}
.footer{{background:#111;color:#ddd;display:grid;grid-template-columns:repeat(5,1fr);gap:24px;padding:40px 32px}}.footer a{{color:#ddd}}
{COOKIE_CSS}
</style></head>
<body class="template-collection">
{sprite("star", "heart")}
<a class="skip-to-content-link visually-hidden" href="#MainContent">Skip to content</a>
<div class="announcement-bar" role="region" aria-label="Announcement"><p>Free shipping on orders over $75 · Free returns within 60 days · <a href="/pages/rewards">Join Northfield Rewards</a> and get 10% off your first order</p></div>
<header class="header"><a href="/" class="header__logo">NORTHFIELD<span class="visually-hidden"> Outfitters home</span></a>
<form action="/search" method="get" role="search" class="search"><label class="visually-hidden" for="Search-In-Header">Search</label>
<input id="Search-In-Header" type="search" name="q" placeholder="Search jackets, boots, tents…" autocomplete="off" aria-expanded="false" aria-owns="predictive-search-results"><input type="hidden" name="options[prefix]" value="last">
<button type="submit" aria-label="Search">{svg("search")}</button><div id="predictive-search-results" class="predictive-search" hidden><p>Popular searches</p><ul><li><a href="/search?q=rain+jacket">rain jacket</a></li><li><a href="/search?q=down+parka">down parka</a></li><li><a href="/search?q=fleece">fleece</a></li></ul></div></form>
<div class="header__icons"><a href="/pages/store-locator" class="header__icon">{svg("home")}<span class="visually-hidden">Find a store</span></a>
<a href="/account/login" class="header__icon" aria-label="Log in">{svg("user")}</a><a href="/pages/wishlist" class="header__icon" aria-label="Wishlist">{svg("heart")}</a>
<a href="/cart" class="header__icon header__icon--cart" id="cart-icon-bubble">{svg("cart")}<span class="visually-hidden">Cart</span><div class="cart-count-bubble"><span aria-hidden="true">2</span><span class="visually-hidden">2 items</span></div></a></div></header>
{mega_menu()}
<div class="sponsored-banner" data-ad-slot="plp_top"><span class="sponsored-banner__label">Sponsored</span> <a rel="sponsored" href="{tracking_url("https://www.trailpeak.com/men/jackets", "northfield", "plp_top_banner")}"><img src="/cdn/ads/trailpeak-fw24-728x90.jpg" alt="Trailpeak: built for the storm. Shop the Summit collection" width="728" height="90"></a></div>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>/</li><li><a href="/collections/men">Men</a></li><li>/</li><li><a href="/collections/mens-clothing">Clothing</a></li><li>/</li><li aria-current="page">Jackets &amp; Coats</li></ol></nav>
<main id="MainContent" class="plp" role="main">
{facets()}
<section class="plp__results" aria-labelledby="collection-title">
<h1 id="collection-title" class="collection-hero__title">Men's Jackets &amp; Coats</h1>
<div class="collection-hero__description rte"><p>From packable rain shells to expedition-grade down parkas, our men's jackets are tested in the wet, windy hills they are named after. Filter by warmth, waterproofing and fit, and check the size chart before you buy: most of our shells are cut to layer over a fleece.</p></div>
<div class="plp__toolbar"><p class="product-count" role="status">Showing 1–24 of 184 products</p>
<div class="facet-filters sorting"><label for="SortBy" class="facet-filters__label">Sort by:</label>
<select name="sort_by" class="facet-filters__sort select__select" id="SortBy" aria-describedby="a11y-refresh-page-message">
<option value="manual">Featured</option><option value="best-selling" selected="selected">Best selling</option><option value="title-ascending">Alphabetically, A-Z</option><option value="title-descending">Alphabetically, Z-A</option><option value="price-ascending">Price, low to high</option><option value="price-descending">Price, high to low</option><option value="created-descending">Date, new to old</option></select></div>
<div class="plp__view" role="group" aria-label="View"><button type="button" aria-pressed="true" aria-label="Grid view">▦</button><button type="button" aria-pressed="false" aria-label="List view">☰</button></div></div>
<div class="active-facets"><a href="/collections/mens-jackets-coats" class="active-facets__button">Men ✕</a><a href="/collections/mens-jackets-coats?filter.v.availability=1" class="active-facets__button">In stock ✕</a><a href="/collections/mens-jackets-coats" class="active-facets__clear">Clear all</a></div>
<ul id="product-grid" class="product-grid" role="list">
{"".join(cards)}
</ul>
<nav class="pagination-wrapper" aria-label="Pagination"><ul class="pagination" role="list"><li><span aria-current="page">1</span></li>
<li><a href="/collections/mens-jackets-coats?page=2" aria-label="Page 2">2</a></li><li><a href="/collections/mens-jackets-coats?page=3" aria-label="Page 3">3</a></li><li>…</li><li><a href="/collections/mens-jackets-coats?page=8" aria-label="Page 8">8</a></li>
<li><a href="/collections/mens-jackets-coats?page=2" class="pagination__item--next" aria-label="Next page">{svg("chevron", 14)}</a></li></ul></nav>
<section class="recently-viewed"><h2>Recently viewed</h2><ul class="rv-list"><li><a href="/products/northfield-merino-crew-base-layer">Northfield Merino Crew Base Layer</a> <span>$79.00</span></li><li><a href="/products/kestrel-trail-beanie">Kestrel Trail Beanie</a> <span>$28.00</span></li></ul></section>
</section></main>
<section class="newsletter"><h2>Get 10% off your first order</h2><p>Sign up for new arrivals, trail guides and members-only sales. Unsubscribe any time.</p>
<form method="post" action="/contact#newsletter" class="newsletter-form"><input type="hidden" name="contact[tags]" value="newsletter">
<label for="NewsletterForm--footer">Email</label><input id="NewsletterForm--footer" type="email" name="contact[email]" autocomplete="email" placeholder="you@example.com" required>
<label class="newsletter__consent"><input type="checkbox" name="contact[accepts_marketing]" value="true"> I'd like to receive texts about offers too</label>
<button type="submit" class="newsletter-form__button">Subscribe</button></form></section>
<footer class="footer">{footer}<div class="footer__col footer__col--ads"><h2 class="footer__heading">Sponsored links</h2><ul>{ads}</ul></div>
<p class="copyright">© 2026 {SITE}, Inc. All rights reserved. Prices in USD.</p></footer>
{cookie_banner(SITE, "/pages/cookie-policy")}
<script>
document.querySelectorAll('.nav__item--has-mega').forEach(function(li){{var b=li.querySelector('.nav__toggle');
li.addEventListener('mouseenter',function(){{li.classList.add('is-open');b.setAttribute('aria-expanded','true');}});
li.addEventListener('mouseleave',function(){{li.classList.remove('is-open');b.setAttribute('aria-expanded','false');}});
b.addEventListener('click',function(){{var o=li.classList.toggle('is-open');b.setAttribute('aria-expanded',String(o));}});}});
document.querySelectorAll('.facet__more').forEach(function(btn){{btn.addEventListener('click',function(){{btn.previousElementSibling.querySelectorAll('[hidden]').forEach(function(e){{e.hidden=false;}});btn.remove();}});}});
document.querySelectorAll('.size-chip').forEach(function(c){{c.addEventListener('click',function(){{c.setAttribute('aria-pressed',c.getAttribute('aria-pressed')==='true'?'false':'true');}});}});
document.getElementById('SortBy').addEventListener('change',function(e){{document.querySelector('.product-count').textContent='Sorting by '+e.target.selectedOptions[0].text+'…';}});
</script>
</body></html>'''
