"""Long news article with inline links, sponsored 'around the web', threaded comments with hidden menus and replies."""
from common import R, esc, svg, tracking_url, cookie_banner, COOKIE_CSS

SITE = "The Meridian Ledger"
SECTIONS = {"News": ["City", "Region", "Politics", "Education", "Transport", "Courts", "Obituaries"],
            "Business": ["Markets", "Property", "Small business", "Energy", "Technology", "Personal finance"],
            "Opinion": ["Editorials", "Columnists", "Letters", "Cartoons"],
            "Sport": ["Football", "Basketball", "Baseball", "Rowing", "High school sports"],
            "Culture": ["Books", "Music", "Film", "Food & drink", "Theatre", "Galleries"],
            "Climate": ["Water", "Heat", "Wildlife", "Energy transition"]}

P = [
    "For most of the last century, nobody in Meridian thought much about the pipes. Water came out of the tap, it was cheap, and when a main burst on Harlow Street the crews had it patched by lunchtime. That arrangement is ending. Over the next nine years the city will replace roughly 212 miles of cast-iron and lead service lines, rebuild two pumping stations and install 94,000 smart meters, at a cost the utility now puts at $1.38 billion — about $3,100 for every resident.",
    "The plan, approved by the Water Board in a 5–2 vote on Tuesday night after four hours of testimony, is the largest public-works programme the city has attempted since the flood walls of the 1970s. It will close lanes on some of the busiest streets in the region, raise the average household bill by an estimated 6.5 percent a year until 2031, and, its supporters argue, finally end a cycle of boil-water notices that has hit the eastern neighbourhoods eleven times since 2019.",
    "“We are not gold-plating anything,” said Dana Okafor, the utility’s chief engineer, in an interview in her office overlooking the Riverside treatment plant, where a whiteboard still carries the chalk outline of last February’s pressure failure. “Half of what is in the ground was laid before my grandmother was born. The question was never whether to replace it. The question was whether we replace it on our schedule or on the pipes’ schedule.”",
    "The pipes have been setting the schedule for a while. According to the utility’s own asset register, which the Ledger obtained through a public-records request, the network lost an estimated 19 percent of the water it treated last year to leaks — roughly 4.1 billion gallons, enough to fill the Calder Reservoir twice. Main breaks rose from 312 in 2015 to 587 in 2024, with clusters in Eastgate, Millbrook and the Old Harbour district, where lines laid between 1898 and 1931 run beneath streets that now carry bus rapid transit.",
    "Those clusters are not randomly distributed, said Priya Raman, a hydrologist at Northern State University who has mapped every reported break since 2010. Her analysis, published in March in the Journal of Urban Water Systems, found that neighbourhoods with a median household income below $45,000 experienced main breaks at 2.3 times the rate of wealthier areas, largely because capital spending over the past three decades followed new development rather than age. “If you lived in a new subdivision on the west side, your pipes were replaced, or never needed to be,” Raman said. “If you lived in Eastgate, you got patches.”",
    "The new programme tries to invert that. Its first three years target the 40 census tracts with the oldest pipes and the highest break rates, and the utility has committed to replacing lead service lines on private property at no cost to the owner — a departure from its previous policy, under which homeowners paid about $4,800 on average to replace the stretch of pipe between the kerb and the house. Some 18,600 lead lines remain, according to an inventory completed last year under new federal rules, though officials acknowledge that about 7,000 connections are still listed as “material unknown.”",
    "Paying for it is where the consensus frays. About $410 million is expected to come from federal infrastructure grants and low-interest state revolving loans; the rest will be borrowed through revenue bonds and repaid through rates. Board member Luis Carvajal, one of the two votes against, called the rate path “a regressive tax dressed up as an engineering plan” and pushed unsuccessfully for a tiered structure that would charge heavy commercial users more. “The breweries and the data centre on Route 9 use more water than Millbrook does,” he said during the hearing. “They should carry more of this.”",
    "The utility says a tiered structure is under study and could be in place by 2027, and it has expanded its customer-assistance programme, which caps bills at 2.5 percent of household income for families below twice the poverty line. Only about 3,900 households are enrolled, however, out of an estimated 21,000 eligible, and advocates say the application — four pages, with proof of income and a copy of a recent bill — keeps people away.",
    "For residents of the streets that will be dug up first, the arithmetic is less pressing than the logistics. On Calloway Avenue in Eastgate, where a 1912 main failed twice last winter, the plan calls for roughly seven months of work in 2026, with one lane closed and the 14 bus rerouted. Marisol Vega, who runs a bakery on the corner of Calloway and Fifth, said she supports the project but worries about the summer. “My customers walk or they take the bus,” she said. “If the bus goes around the block and the sidewalk is a trench, I lose July and August. I don’t know if I get those back.”",
    "City officials say they have learned from the light-rail construction of 2018, when businesses along the Granger corridor reported revenue losses of up to 40 percent and several closed. This time the council has set aside $6 million for a small-business relief fund, and contractors will be required to keep at least one pedestrian route open on every block and to post weekly schedules in English, Spanish and Vietnamese.",
    "There is also the matter of the meters. The 94,000 smart meters, which report usage every hour, will allow the utility to spot leaks on private property within days rather than at the next quarterly bill — a household with a running toilet can waste 200 gallons a day — and to end estimated billing, the source of most customer complaints. Privacy advocates have asked the board to limit how long hourly data is kept; the utility has proposed 13 months, and the board will take up the question in January.",
    "Whether the programme finishes on time and on budget is, by the utility’s own account, the biggest open question. Its last major project, the Riverside filtration upgrade, came in 22 months late and $61 million over its original estimate, a record that critics raised repeatedly on Tuesday. Okafor did not dispute it. “Riverside taught us not to promise a number before we have dug a hole,” she said. The new plan carries a 20 percent contingency, an independent monitor who will report to the board twice a year, and a public dashboard, due to go live in the spring, that will show progress street by street.",
    "Back on Calloway Avenue, the contractors’ orange paint marks have already appeared on the asphalt — arrows, offsets and the letters “W” and “CI” for water and cast iron. Vega has started photographing them. “Every time they paint something new, I take a picture,” she said. “It’s like reading tea leaves. Somebody knows what the next two years of my life look like. I’d like to know too.”",
]
LINKS = [("Water Board", "/news/city/water-board"), ("public-records request", "/documents/water-asset-register-2025"),
         ("published in March", "https://doi.example.org/10.1016/j.uws.2026.03.014"), ("new federal rules", "https://www.epa.gov/ground-water-and-drinking-water/revised-lead-and-copper-rule"),
         ("customer-assistance programme", "https://www.meridianwater.gov/assistance"), ("light-rail construction of 2018", "/news/transport/granger-line-businesses-2018"),
         ("Riverside filtration upgrade", "/news/city/riverside-plant-delays")]

COMMENTS = [
    ("hollis_eastgate", "I've lived on Calloway 31 years. We've had brown water every spring for as long as I can remember. Whatever it costs, do it.", [
        ("mkessler", "Brown water in spring is usually the mains being flushed, not the pipes failing. Still, 1912 iron is overdue.", [
            ("hollis_eastgate", "Maybe, but when it's the same week every year and the utility never says anything, you stop trusting the explanation.", [])]),
        ("Renata P.", "Same on Dover St. Glad we're in the first three years for once.", [])]),
    ("grant.w", "6.5% a year compounding for five years is almost 37%. Nobody in the article says that number out loud.", [
        ("ledger_reader_88", "That's the point Carvajal was making. The bill goes up for everyone the same, the data centre barely notices.", []),
        ("Dana from Millbrook", "The assistance cap at 2.5% of income helps if you can actually get enrolled. Took me two months and three calls.", [
            ("grant.w", "Two months is better than I expected honestly. Is it renewed automatically?", []),
            ("Dana from Millbrook", "Every year you have to send proof of income again. They mail a reminder, sort of.", [])])]),
    ("Tom Adeyemi", "The contingency is 20% on a project whose last one ran 40% over. Do the math.", []),
    ("civil_eng_retired", "For people asking why it costs so much: open-cut replacement in a dense street runs $900–1,400 per foot once you include paving, traffic control and utility conflicts. 212 miles is over a million feet. The number is not crazy.", [
        ("mkessler", "Thank you. Most people have no idea what's under the street besides water — gas, fibre, old streetcar rails.", []),
        ("skeptical_sam", "And yet other cities do trenchless lining for a fraction of that.", [
            ("civil_eng_retired", "Lining works on mains in decent structural shape. A lot of Meridian's cast iron is too far gone, and you can't line a lead service.", [])])]),
    ("Marisol's regular", "Go buy a concha from Marisol's this summer, people. The detour is one block.", []),
    ("J. Whitfield", "Hourly meter data kept for 13 months is way too long. What does the utility need to know about when I shower for?", [
        ("priya_r", "Leak detection needs a few weeks of hourly data, not a year. Worth writing to the board before January.", [])]),
    ("northside_nancy", "West side paid for its own new pipes through development fees. Now we pay for the east side too?", [
        ("hollis_eastgate", "East side paid for the west side's treatment plant expansion in 2004. It goes both ways.", []),
        ("ledger_reader_88", "The research in the article literally says the money followed new development. That's the problem being fixed.", [])]),
    ("B. Nakamura", "Great reporting. Would love a follow-up on the 7,000 'material unknown' lead connections — that's the scary number.", []),
]
AROUND = [("Doctors stunned: this 30-second morning habit melts belly fat", "https://health-tips-daily.example-ads.com/habit"),
          ("Homeowners in Meridian are switching to this solar plan", "https://sunrise-solar-offers.example-ads.com/meridian"),
          ("The 2026 SUVs that seniors can get for almost nothing", "https://autodeals-now.example-ads.com/suv-2026"),
          ("Why everyone is suddenly buying these $29 wireless earbuds", "https://gadgetreview-hub.example-ads.com/earbuds"),
          ("Meridian: new policy for drivers with no tickets in 3 years", "https://insure-compare.example-ads.com/meridian"),
          ("Travel nurses are earning up to $6,000 a week — see openings", "https://nursejobs-now.example-ads.com/travel")]


def para(i, text):
    for label, href in LINKS:
        if label in text:
            text = esc(text).replace(esc(label), f'<a href="{href}" class="article-link">{esc(label)}</a>', 1)
            return f'<p class="article-body__paragraph" data-para="{i}">{text}</p>'
    return f'<p class="article-body__paragraph" data-para="{i}">{esc(text)}</p>'


def comment(c, depth, cid):
    author, text, replies = c
    cid[0] += 1
    n = cid[0]
    likes = R.randint(0, 140)
    hidden_replies = depth >= 1 and len(replies) > 0
    rep_html = "".join(comment(r, depth + 1, cid) for r in replies)
    rep_block = ""
    if replies:
        rep_block = (f'<button type="button" class="comment__toggle-replies" aria-expanded="{"false" if hidden_replies else "true"}">'
                     f'{"View" if hidden_replies else "Hide"} {len(replies)} repl{"y" if len(replies) == 1 else "ies"}</button>'
                     f'<ol class="comment__replies"{" hidden" if hidden_replies else ""}>{rep_html}</ol>')
    return f'''<li class="comment comment--depth-{depth}" id="comment-{40000 + n * 37}" data-depth="{depth}">
<article class="comment__inner"><header class="comment__header"><span class="comment__avatar" aria-hidden="true">{esc(author[0].upper())}</span>
<a class="comment__author" href="/profile/{esc(author.replace(' ', '-').replace('.', '').lower())}">{esc(author)}</a>
<time class="comment__time" datetime="2026-12-03T{R.randint(10, 23)}:{R.randint(10, 59)}:00-05:00" title="December 3, 2026">{R.randint(1, 20)}h ago</time>
<div class="comment__menu"><button type="button" class="comment__menu-btn" aria-haspopup="menu" aria-expanded="false" aria-label="More options">{svg("dots", 16)}</button>
<ul class="comment__menu-list" role="menu" style="visibility:hidden;opacity:0;position:absolute"><li role="none"><button role="menuitem" type="button">Copy link</button></li><li role="none"><button role="menuitem" type="button">Mute {esc(author)}</button></li><li role="none"><button role="menuitem" type="button">Report comment</button></li></ul></div></header>
<div class="comment__body"><p>{esc(text)}</p></div>
<footer class="comment__actions"><button type="button" class="comment__like" aria-pressed="false">{svg("thumb", 14)} <span class="comment__like-count">{likes}</span><span class="visually-hidden"> likes</span></button>
<button type="button" class="comment__reply">Reply</button><button type="button" class="comment__share" aria-label="Share comment">{svg("share", 14)}</button></footer></article>{rep_block}</li>'''


def page():
    nav = "".join(f'''<li class="site-nav__item"><a class="site-nav__link" href="/{k.lower()}" aria-haspopup="true">{k}</a>
<div class="site-nav__drawer" aria-hidden="true"><ul>{"".join(f'<li><a href="/{k.lower()}/{s.lower().replace(" & ", "-").replace(" ", "-")}">{esc(s)}</a></li>' for s in v)}</ul>
<div class="site-nav__top-stories"><p>Top stories in {k}</p><ul>{"".join(f'<li><a href="/{k.lower()}/2026/12/0{j + 1}/story-{R.randint(1000, 9999)}">{esc(t)}</a></li>' for j, t in enumerate(R.sample(["Council delays vote on bus lane expansion", "Harbour warehouse fire under investigation", "School board weighs later start times", "Property taxes: what the new assessments mean", "Rowing club wins national title", "New ramen counter opens on Fifth", "Storm watch: gusts up to 60 mph Friday", "Library branch hours to expand in 2027"], 3)))}</ul></div></div></li>''' for k, v in SECTIONS.items())
    body = []
    for i, t in enumerate(P):
        body.append(para(i, t))
        if i == 3:
            body.append('<figure class="inline-figure"><img src="/static/images/2026/12/water-main-map-1200.png" alt="Map of main breaks by neighbourhood, 2015-2024" width="720" height="480" loading="lazy"><figcaption>Main breaks by neighbourhood, 2015–2024. Source: Meridian Water asset register. <span class="credit">Graphic: Ledger staff</span></figcaption></figure>')
        if i == 5:
            body.append('<aside class="related-inline" aria-label="Related"><h2>Related</h2><ul><li><a href="/news/city/lead-pipe-inventory-2025">The city finally counted its lead pipes. 7,000 are still a mystery.</a></li><li><a href="/opinion/editorials/pay-for-the-pipes">Editorial: Pay for the pipes now, or pay more later</a></li><li><a href="/news/city/eastgate-boil-water-notice">Eastgate’s eleventh boil-water notice, explained</a></li></ul></aside>')
        if i == 7:
            body.append('<blockquote class="pullquote"><p>“Half of what is in the ground was laid before my grandmother was born.”</p><cite>Dana Okafor, chief engineer</cite></blockquote>')
            body.append(f'<div class="ad-slot ad-slot--inarticle" data-ad-unit="/21804448/ledger/news/inarticle"><span class="ad-slot__label">Advertisement</span><a rel="sponsored nofollow" href="{tracking_url("https://www.meridiancu.org/home-equity", "ledger", "inarticle_300x250")}"><img src="/ads/meridian-cu-heloc-300x250.jpg" alt="Meridian Credit Union: home equity rates from 6.24% APR" width="300" height="250"></a></div>')
        if i == 9:
            body.append('<h2 class="article-body__subhead">Meters, and who sees the data</h2>')
    around = "".join(f'''<li class="tbl-item"><a rel="sponsored nofollow" target="_blank" href="{tracking_url(u, "ledger", "taboola_below_article")}"><img src="/ads/thumbs/{R.randint(10**6, 10**7)}.jpg" alt="" width="240" height="135"><span class="tbl-title">{esc(t)}</span><span class="tbl-branding">{esc(u.split("//")[1].split(".")[0].replace("-", " ").title())} · Sponsored</span></a></li>''' for t, u in AROUND)
    cid = [0]
    comments = "".join(comment(c, 0, cid) for c in COMMENTS)
    return f'''<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Meridian will spend $1.38bn to replace its water pipes. Here’s who pays, and who waits. | {SITE}</title>
<meta property="og:type" content="article"><meta property="og:title" content="Meridian will spend $1.38bn to replace its water pipes"><meta name="author" content="Elena Marsh">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Meridian will spend $1.38bn to replace its water pipes","datePublished":"2026-12-03T06:00:00-05:00","author":[{{"@type":"Person","name":"Elena Marsh"}}],"publisher":{{"@type":"Organization","name":"{SITE}"}}}}</script>
<style>
*{{box-sizing:border-box}}body{{margin:0;font:18px/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a}}
.visually-hidden{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}
.masthead{{text-align:center;padding:14px;border-bottom:1px solid #ddd;font-family:Arial,sans-serif}}.masthead__logo{{font:700 34px "Times New Roman",serif;color:#000;text-decoration:none}}
.masthead__tools{{display:flex;justify-content:space-between;font-size:13px}}.breaking{{background:#b00;color:#fff;font:600 13px Arial,sans-serif;padding:6px 20px}}.breaking a{{color:#fff}}
.site-nav{{font:600 14px Arial,sans-serif;border-bottom:3px double #000}}.site-nav ul.site-nav__list{{display:flex;justify-content:center;gap:24px;list-style:none;margin:0;padding:10px}}
.site-nav__item{{position:relative}}.site-nav__link{{color:#000;text-decoration:none}}.site-nav__drawer{{display:none;position:absolute;top:28px;left:0;background:#fff;width:520px;padding:16px;box-shadow:0 6px 20px rgba(0,0,0,.2);z-index:20}}
.site-nav__item:hover .site-nav__drawer{{display:flex;gap:24px}}
.article{{max-width:720px;margin:0 auto;padding:24px}}.kicker{{font:700 13px Arial,sans-serif;text-transform:uppercase;color:#b00}}
h1.headline{{font-size:40px;line-height:1.15;margin:8px 0}}.standfirst{{font-size:21px;color:#444}}.byline{{font:14px Arial,sans-serif;display:flex;gap:12px;align-items:center}}
.share-tools{{display:flex;gap:8px}}.share-tools button,.share-tools a{{border:1px solid #ccc;border-radius:50%;padding:6px;background:#fff}}
.hero figcaption,.inline-figure figcaption{{font:13px Arial,sans-serif;color:#555}}.pullquote{{font-size:26px;border-left:4px solid #b00;padding-left:16px}}
.related-inline{{float:right;width:240px;margin:0 0 12px 16px;font:14px Arial,sans-serif;border-top:3px solid #000}}
.ad-slot{{text-align:center;margin:24px 0;font:11px Arial,sans-serif;color:#888}}.tbl-grid{{display:grid;grid-template-columns:repeat(3,1fr);gap:16px;list-style:none;padding:0}}
.comments{{max-width:720px;margin:0 auto;padding:24px;font:15px/1.5 Arial,sans-serif}}.comment{{list-style:none;margin:16px 0}}.comment__replies{{padding-left:32px;border-left:2px solid #eee}}
.comment__header{{display:flex;gap:8px;align-items:center}}.comment__menu{{position:relative;margin-left:auto}}.comment__actions button{{background:none;border:0;color:#555;cursor:pointer}}
.footer{{background:#111;color:#bbb;font:13px Arial,sans-serif;padding:32px}}.footer a{{color:#ddd}}
{COOKIE_CSS}
</style></head><body class="article-page">
<div class="masthead"><div class="masthead__tools"><span>Thursday, December 3, 2026 · Today’s paper</span><span><a href="/subscribe?ref=masthead">Subscribe for $1/week</a> · <a href="/login">Log in</a></span></div>
<a class="masthead__logo" href="/">The Meridian Ledger</a></div>
<div class="breaking" role="region" aria-label="Breaking news"><strong>Breaking:</strong> <a href="/news/transport/i-90-bridge-closure">I-90 eastbound bridge closed after inspection finds cracked girder</a></div>
<nav class="site-nav" aria-label="Sections"><ul class="site-nav__list">{nav}<li class="site-nav__item"><button class="site-nav__search" aria-label="Search">{svg("search", 16)}</button></li></ul></nav>
<main id="main"><article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<p class="kicker"><a href="/news/city">City</a> · Infrastructure</p>
<h1 class="headline" itemprop="headline">Meridian will spend $1.38bn to replace its water pipes. Here’s who pays, and who waits.</h1>
<p class="standfirst">The largest public-works programme in half a century will dig up 212 miles of streets, starting in the neighbourhoods that have waited longest. It will also raise every water bill in the city.</p>
<div class="byline"><img src="/static/authors/elena-marsh-64.jpg" alt="" width="40" height="40" class="byline__avatar"><span>By <a rel="author" href="/people/elena-marsh">Elena Marsh</a>, City Hall reporter</span>
<time datetime="2026-12-03T06:00:00-05:00">Dec. 3, 2026, 6:00 a.m. ET</time><span class="reading-time">11 min read</span>
<div class="share-tools" role="group" aria-label="Share this article"><a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.meridianledger.com%2Fnews%2Fcity%2F2026%2F12%2F03%2Fwater-pipes-plan" aria-label="Share on Facebook">{svg("share", 16)}</a>
<a href="mailto:?subject=Meridian%20will%20spend%20%241.38bn%20to%20replace%20its%20water%20pipes" aria-label="Share by email">✉</a><button type="button" aria-label="Copy link">🔗</button><button type="button" class="save-article" aria-label="Save article">{svg("heart", 16)}</button>
<button type="button" class="gift-article" aria-haspopup="dialog">Gift this article</button></div></div>
<figure class="hero"><img src="/static/images/2026/12/calloway-avenue-paint-1600.jpg" srcset="/static/images/2026/12/calloway-avenue-paint-800.jpg 800w, /static/images/2026/12/calloway-avenue-paint-1600.jpg 1600w" alt="Orange survey paint marks on the asphalt of Calloway Avenue in Eastgate" width="720" height="480">
<figcaption>Survey marks on Calloway Avenue, where a 1912 main failed twice last winter. <span class="credit">Photo: Jordan Reyes for The Meridian Ledger</span></figcaption></figure>
<div class="article-body" itemprop="articleBody">{"".join(body)}</div>
<div class="article-footer"><p class="correction"><em>An earlier version of this article misstated the number of smart meters. It is 94,000, not 49,000.</em></p>
<p class="tags">Topics: <a href="/topics/water">Water</a>, <a href="/topics/infrastructure">Infrastructure</a>, <a href="/topics/eastgate">Eastgate</a>, <a href="/topics/city-budget">City budget</a></p>
<div class="newsletter-box"><h2>The Morning Ledger</h2><p>The day’s essential Meridian news, in your inbox before 7 a.m.</p><form action="/newsletters/subscribe" method="post"><label for="nl-email" class="visually-hidden">Email address</label><input type="email" id="nl-email" name="email" placeholder="Email address"><button type="submit">Sign up</button></form></div></div>
<section class="around-the-web" aria-label="Around the web"><h2>Around the web <small>Sponsored links by Taboola</small></h2><ul class="tbl-grid">{around}</ul></section>
</article>
<section class="comments" id="comments" aria-labelledby="comments-h"><h2 id="comments-h">Comments ({cid[0] if cid[0] else 0})</h2>
<p class="comments__rules">Comments are moderated. Be civil and stay on topic; read our <a href="/community-guidelines">community guidelines</a>.</p>
<form class="comment-form" action="/comments/post" method="post"><label for="comment-text" class="visually-hidden">Add a comment</label><textarea id="comment-text" name="body" rows="3" placeholder="Join the conversation"></textarea><button type="submit" class="comment-form__submit" disabled>Post comment</button></form>
<div class="comments__sort"><label for="comment-sort">Sort by</label><select id="comment-sort" name="sort"><option value="best" selected>Best</option><option value="newest">Newest</option><option value="oldest">Oldest</option></select></div>
<ol class="comments__list">{comments}</ol><button type="button" class="comments__more">Load more comments</button></section></main>
<footer class="footer"><nav aria-label="Footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact the newsroom</a></li><li><a href="/tips">Send us a tip</a></li><li><a href="/ethics">Ethics policy</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/careers">Careers</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of service</a></li></ul></nav><p>© 2026 The Meridian Ledger. All rights reserved.</p></footer>
{cookie_banner(SITE, "/privacy#cookies")}
<script>
document.querySelectorAll('.comment__menu-btn').forEach(function(b){{b.addEventListener('click',function(){{var m=b.nextElementSibling,o=m.style.visibility==='visible';m.style.visibility=o?'hidden':'visible';m.style.opacity=o?'0':'1';b.setAttribute('aria-expanded',String(!o));}});}});
document.querySelectorAll('.comment__toggle-replies').forEach(function(b){{b.addEventListener('click',function(){{var l=b.nextElementSibling;l.hidden=!l.hidden;b.setAttribute('aria-expanded',String(!l.hidden));}});}});
document.getElementById('comment-text').addEventListener('input',function(e){{document.querySelector('.comment-form__submit').disabled=!e.target.value.trim();}});
</script></body></html>'''
