"""Checkout: 44 form fields, hidden billing panel, tooltips, sponsored add-ons, cookie banner."""
from common import R, esc, svg, tracking_url, cookie_banner, COOKIE_CSS

SITE = "Brightwell Home"
COUNTRIES = ["United States", "Canada", "Mexico", "United Kingdom", "Ireland", "France", "Germany", "Spain", "Italy", "Portugal",
             "Netherlands", "Belgium", "Luxembourg", "Switzerland", "Austria", "Denmark", "Sweden", "Norway", "Finland", "Iceland",
             "Poland", "Czechia", "Slovakia", "Hungary", "Slovenia", "Croatia", "Greece", "Cyprus", "Malta", "Estonia", "Latvia",
             "Lithuania", "Romania", "Bulgaria", "Australia", "New Zealand", "Japan", "South Korea", "Singapore", "Hong Kong SAR",
             "Taiwan", "Israel", "United Arab Emirates", "Saudi Arabia", "Brazil", "Chile", "Colombia", "Peru", "Argentina", "South Africa"]
STATES = [("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
          ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
          ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
          ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
          ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"),
          ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
          ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
          ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
          ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming")]
CARD_LOGOS = {"Visa": "#1a1f71", "Mastercard": "#eb001b", "American Express": "#2e77bc", "Discover": "#ff6000"}


def field(fid, label, kind="text", name=None, auto=None, required=True, placeholder=None, half=False, help_text=None, value=None):
    name = name or fid
    attrs = f' type="{kind}" id="{fid}" name="{name}"'
    attrs += f' autocomplete="{auto}"' if auto else ""
    attrs += " required" if required else ""
    attrs += f' placeholder="{esc(placeholder)}"' if placeholder else ""
    attrs += f' value="{esc(value)}"' if value else ""
    tip = ""
    if help_text:
        tip = (f'<button type="button" class="field__tip" aria-describedby="{fid}-tip" aria-label="More information">{svg("info", 14)}</button>'
               f'<div role="tooltip" id="{fid}-tip" class="tooltip" hidden>{esc(help_text)}</div>')
    opt = "" if required else ' <span class="field__optional">(optional)</span>'
    return (f'<div class="field{" field--half" if half else ""}"><label class="field__label" for="{fid}">{esc(label)}{opt}</label>'
            f'<div class="field__wrap"><input class="field__input"{attrs}>{tip}</div><p class="field__error" id="{fid}-error" hidden></p></div>')


def select(fid, label, options, selected=None, auto=None, half=False):
    opts = "".join(f'<option value="{esc(v)}"{" selected" if v == selected else ""}>{esc(t)}</option>' for v, t in options)
    a = f' autocomplete="{auto}"' if auto else ""
    return (f'<div class="field field--select{" field--half" if half else ""}"><label class="field__label" for="{fid}">{esc(label)}</label>'
            f'<div class="field__wrap"><select class="field__input" id="{fid}" name="{fid}"{a} required>{opts}</select>{svg("chevron", 14, "select-caret")}</div></div>')


def check(name, label, checked=False, value="1"):
    return (f'<div class="checkbox"><label class="checkbox__label"><input type="checkbox" class="checkbox__input" name="{name}" value="{value}"'
            f'{" checked" if checked else ""}> <span>{esc(label)}</span></label></div>')


def radio_card(name, value, title, detail, price, checked=False):
    return (f'<div class="radio-card"><label class="radio-card__label"><input type="radio" name="{name}" value="{value}"'
            f'{" checked" if checked else ""} class="radio-card__input"><span class="radio-card__title">{esc(title)}</span>'
            f'<span class="radio-card__detail">{esc(detail)}</span><span class="radio-card__price">{esc(price)}</span></label></div>')


def address(prefix, title):
    c = [(x, x) for x in COUNTRIES]
    return (select(f"{prefix}_country", "Country/region", c, "United States", "country")
            + field(f"{prefix}_first_name", "First name", auto="given-name", half=True)
            + field(f"{prefix}_last_name", "Last name", auto="family-name", half=True)
            + field(f"{prefix}_company", "Company", auto="organization", required=False)
            + field(f"{prefix}_address1", "Address", auto="address-line1", placeholder="Street address or P.O. box")
            + field(f"{prefix}_address2", "Apartment, suite, etc.", auto="address-line2", required=False)
            + field(f"{prefix}_city", "City", auto="address-level2", half=True)
            + select(f"{prefix}_province", "State", [("", "Select a state")] + STATES, "", "address-level1", half=True)
            + field(f"{prefix}_zip", "ZIP code", auto="postal-code", half=True, help_text="Five digits, or ZIP+4 for faster delivery to apartments."))


LINES = [("Linen Duvet Cover Set, Queen, Oat", 1, 189.00), ("Stonewashed Linen Pillowcases (pair), Oat", 2, 54.00),
         ("Waffle Weave Bath Towel, Sage", 4, 28.00), ("Hand-thrown Stoneware Mug, Speckled White", 2, 24.00)]


def summary():
    rows = []
    for i, (name, qty, price) in enumerate(LINES):
        rows.append(f'''<tr class="product"><td class="product__image"><div class="product-thumbnail"><img src="/cdn/shop/products/line-{i}_64x64.jpg?v=16{R.randint(10**8, 10**9)}" alt="{esc(name)}" width="64" height="64"><span class="product-thumbnail__quantity" aria-hidden="true">{qty}</span></div></td>
<th class="product__description" scope="row"><span class="product__description__name">{esc(name)}</span></th>
<td class="product__quantity"><label class="visually-hidden" for="qty-{i}">Quantity</label><select id="qty-{i}" class="qty" form="cart-form">{"".join(f"<option{' selected' if n == qty else ''}>{n}</option>" for n in range(1, 11))}</select>
<a href="/cart/change?line={i + 1}&amp;quantity=0" class="product__remove">Remove</a></td><td class="product__price"><span class="order-summary__emphasis">${qty * price:,.2f}</span></td></tr>''')
    sub = sum(q * p for _, q, p in LINES)
    return f'''<aside class="sidebar" aria-label="Order summary"><h2 class="visually-hidden">Order summary</h2>
<table class="product-table"><caption class="visually-hidden">Shopping cart</caption><thead class="product-table__header"><tr><th scope="col"><span class="visually-hidden">Image</span></th><th scope="col"><span class="visually-hidden">Description</span></th><th scope="col"><span class="visually-hidden">Quantity</span></th><th scope="col"><span class="visually-hidden">Price</span></th></tr></thead><tbody>{"".join(rows)}</tbody></table>
<div class="order-summary__section--discount"><form id="discount-form" class="edit_checkout"><label for="checkout_reduction_code">Gift card or discount code</label><input id="checkout_reduction_code" name="checkout[reduction_code]" type="text" placeholder="Gift card or discount code" form="checkout-form"><button type="button" class="btn btn--disabled" disabled>Apply</button></form></div>
<table class="total-line-table"><tbody><tr><th scope="row">Subtotal</th><td>${sub:,.2f}</td></tr><tr><th scope="row">Shipping <button type="button" class="field__tip" aria-label="Shipping policy">{svg("info", 14)}</button></th><td>Calculated at next step</td></tr><tr><th scope="row">Estimated taxes</th><td>${sub * 0.0725:,.2f}</td></tr></tbody>
<tfoot><tr><th scope="row">Total</th><td><span class="payment-due__currency">USD</span> <strong>${sub * 1.0725:,.2f}</strong></td></tr></tfoot></table>
<div class="sponsored-addons"><p class="sponsored-addons__label">Sponsored · Frequently added</p><ul>
<li><a rel="sponsored" href="{tracking_url("https://www.extend.example-partner.com/protection-plans/home", "brightwell", "checkout_addon")}">Protect your bedding for 3 years with Extend — $14.99</a></li>
<li><a rel="sponsored" href="{tracking_url("https://www.purelinenwash.com/products/laundry-kit", "brightwell", "checkout_addon")}">PureLinen laundry kit, 20% off with this order</a></li></ul></div></aside>'''


def page():
    months = [("", "Month")] + [(f"{m:02d}", f"{m:02d}") for m in range(1, 13)]
    cards = "".join(f'<svg class="card-logo" width="38" height="24" viewBox="0 0 38 24" role="img" aria-label="{n}"><rect width="38" height="24" rx="3" fill="{c}"/><path d="M6 8h26v2H6zm0 6h12v2H6z" fill="#fff"/></svg>' for n, c in CARD_LOGOS.items())
    body = (
        '<section class="section section--contact" aria-labelledby="contact-h"><div class="section__header"><h2 id="contact-h" class="section__title">Contact</h2>'
        '<p class="layout-flex__item">Have an account? <a href="/account/login?checkout_url=%2Fcheckouts%2Fc%2F8f1e2a">Log in</a></p></div>'
        + field("email", "Email", "email", "checkout[email]", "email", placeholder="you@example.com")
        + field("phone", "Phone", "tel", "checkout[phone]", "tel", required=False, help_text="In case we need to contact you about your order.")
        + check("checkout[buyer_accepts_marketing]", "Email me with news and offers")
        + '</section><section class="section section--shipping-address" aria-labelledby="ship-h"><h2 id="ship-h" class="section__title">Delivery</h2>'
        + address("shipping", "Shipping address")
        + check("checkout[remember_me]", "Save this information for next time")
        + '</section><section class="section section--shipping-method" aria-labelledby="method-h"><h2 id="method-h" class="section__title">Shipping method</h2><fieldset><legend class="visually-hidden">Choose a shipping method</legend>'
        + radio_card("checkout[shipping_rate]", "standard", "Standard", "5 to 8 business days", "Free", True)
        + radio_card("checkout[shipping_rate]", "expedited", "Expedited", "3 to 4 business days", "$12.95")
        + radio_card("checkout[shipping_rate]", "express", "Express", "1 to 2 business days", "$29.00")
        + radio_card("checkout[shipping_rate]", "pickup", "Pick up in store", "Brightwell SoHo, 112 Prince St — usually ready in 2 hours", "Free")
        + '</fieldset>'
        + '<div class="field"><label class="field__label" for="delivery_instructions">Delivery instructions <span class="field__optional">(optional)</span></label>'
          '<textarea class="field__input" id="delivery_instructions" name="checkout[note]" rows="2" maxlength="250" placeholder="Gate code, leave with the doorman, etc."></textarea></div>'
        + '</section><section class="section section--payment" aria-labelledby="pay-h"><h2 id="pay-h" class="section__title">Payment</h2><p class="section__text">'
        + svg("lock", 14) + ' All transactions are secure and encrypted.</p><fieldset class="payment-methods"><legend class="visually-hidden">Payment method</legend>'
        + radio_card("checkout[payment_gateway]", "card", "Credit card", cards, "", True).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
        + '<div class="payment-fields" id="card-fields">'
        + field("card_number", "Card number", "text", "number", "cc-number", placeholder="1234 1234 1234 1234")
        + field("card_name", "Name on card", "text", "name", "cc-name")
        + select("card_exp_month", "Expiration month", months, "", "cc-exp-month", half=True)
        + select("card_exp_year", "Expiration year", [("", "Year")] + [(str(y), str(y)) for y in range(2026, 2037)], "", "cc-exp-year", half=True)
        + field("card_cvc", "Security code", "text", "verification_value", "cc-csc", half=True, help_text="3-digit security code usually found on the back of your card. American Express cards have a 4-digit code on the front.")
        + '</div>' + radio_card("checkout[payment_gateway]", "paypal", "PayPal", "After clicking “Pay now”, you will be redirected to PayPal to complete your purchase securely.", "")
        + radio_card("checkout[payment_gateway]", "affirm", "Affirm", "Pay over time: 4 interest-free payments of $" + f"{sum(q * p for _, q, p in LINES) * 1.0725 / 4:,.2f}", "")
        + '</fieldset><h3 class="section__subtitle">Billing address</h3><fieldset><legend class="visually-hidden">Choose a billing address</legend>'
        + radio_card("checkout[different_billing_address]", "false", "Same as shipping address", "", "", True)
        + radio_card("checkout[different_billing_address]", "true", "Use a different billing address", "", "")
        + '</fieldset><div class="billing-address" id="billing-address" style="display:none">' + address("billing", "Billing address") + '</div>'
        + '</section><section class="section section--extras" aria-labelledby="extras-h"><h2 id="extras-h" class="section__title">Gift options</h2>'
        + check("checkout[attributes][gift]", "This order is a gift (prices are hidden on the packing slip)")
        + '<div class="field"><label class="field__label" for="gift_message">Gift message <span class="field__optional">(optional)</span></label><textarea class="field__input" id="gift_message" name="checkout[attributes][gift_message]" rows="3" maxlength="300"></textarea><p class="field__hint">Up to 300 characters, printed on a card in the box.</p></div>'
        + '<h2 class="section__title">Stay in touch</h2>'
        + check("checkout[sms_marketing]", "Text me with order updates and offers. Msg & data rates may apply; reply STOP to opt out.")
        + check("checkout[create_account]", "Create an account with this email for faster checkout next time")
        + field("account_password", "Password", "password", "customer[password]", "new-password", required=False, help_text="At least 8 characters, one number and one symbol.")
        + check("checkout[terms]", "I agree to the Terms of Sale and the Returns Policy")
        + '</section>')
    from common import svg as _s  # noqa
    nav = ('<div class="help-menu"><button type="button" class="help-menu__toggle" aria-expanded="false" aria-controls="help-menu-list">Need help? '
           + svg("chevron", 12) + '</button><ul id="help-menu-list" class="help-menu__list" hidden><li><a href="/pages/shipping">Shipping times and costs</a></li>'
           '<li><a href="/pages/returns">Returns within 30 days</a></li><li><a href="tel:+18005550134">Call 1-800-555-0134</a></li><li><a href="/pages/contact">Chat with us</a></li></ul></div>')
    return f'''<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout - {SITE}</title><meta name="robots" content="noindex, nofollow">
<style>
*{{box-sizing:border-box}}body{{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#333;background:#fff}}
.visually-hidden{{position:absolute!important;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px;padding:0;border:0}}
.banner{{display:flex;justify-content:space-between;align-items:center;padding:18px 40px;border-bottom:1px solid #e6e6e6}}.logo{{font:700 22px Georgia,serif;color:#2f3b2f;text-decoration:none}}
.content{{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:48px;max-width:1100px;margin:0 auto;padding:24px}}
.breadcrumb{{display:flex;gap:8px;list-style:none;padding:0;font-size:12px}}.breadcrumb__item--current{{font-weight:700}}
.section{{margin-bottom:28px}}.section__title{{font-size:18px;margin:12px 0}}.field{{margin-bottom:12px}}.field--half{{display:inline-block;width:49%}}
.field__label{{display:block;font-size:12px;color:#545454;margin-bottom:4px}}.field__input{{width:100%;padding:11px;border:1px solid #d9d9d9;border-radius:5px;font-size:14px}}
.field__wrap{{position:relative}}.field__tip{{position:absolute;right:8px;top:10px;border:0;background:none}}.tooltip{{position:absolute;background:#333;color:#fff;padding:6px;border-radius:4px;font-size:12px}}
.radio-card{{border:1px solid #d9d9d9;padding:14px;margin-top:-1px}}.radio-card__label{{display:grid;grid-template-columns:24px 1fr auto;gap:6px}}
.radio-card__detail{{grid-column:2;color:#737373;font-size:12px}}.checkbox{{margin:10px 0}}
.sidebar{{background:#fafafa;border-left:1px solid #e1e1e1;padding:24px}}.product-table{{width:100%;border-collapse:collapse}}
.product-thumbnail{{position:relative;width:64px;height:64px;border:1px solid #ddd;border-radius:8px;background:#fff}}.product-thumbnail__quantity{{position:absolute;right:-6px;top:-6px;background:#777;color:#fff;border-radius:10px;padding:0 6px;font-size:11px}}
.step__footer{{display:flex;justify-content:space-between;align-items:center;margin-top:24px}}.btn{{background:#2f3b2f;color:#fff;border:0;border-radius:5px;padding:18px 24px;font-weight:600}}
.help-menu{{position:relative}}.help-menu__list{{position:absolute;right:0;background:#fff;box-shadow:0 4px 12px rgba(0,0,0,.15);list-style:none;padding:12px;width:240px}}
{COOKIE_CSS}
</style></head>
<body><header class="banner" role="banner"><a href="https://www.brightwellhome.com" class="logo">Brightwell Home</a>{nav}
<a href="/cart" class="cart-link" aria-label="Cart, 9 items">{svg("cart", 22)}</a></header>
<div class="content"><main class="main" role="main">
<nav aria-label="Breadcrumb"><ol class="breadcrumb"><li class="breadcrumb__item"><a href="/cart">Cart</a></li><li>›</li><li class="breadcrumb__item breadcrumb__item--current" aria-current="step">Information</li><li>›</li><li class="breadcrumb__item">Shipping</li><li>›</li><li class="breadcrumb__item">Payment</li></ol></nav>
<div class="express-checkout"><p class="express-checkout__title">Express checkout</p><div class="express-buttons"><button type="button" class="express-btn express-btn--shoppay" aria-label="Shop Pay">shop<b>Pay</b></button><button type="button" class="express-btn express-btn--paypal" aria-label="PayPal">PayPal</button><button type="button" class="express-btn express-btn--gpay" aria-label="Google Pay">G Pay</button></div><p class="express-or"><span>OR</span></p></div>
<form id="checkout-form" action="/checkouts/c/8f1e2a/processing" method="post" novalidate accept-charset="UTF-8" data-customer-information-form data-email-or-phone="false">
<input type="hidden" name="_method" value="patch"><input type="hidden" name="authenticity_token" value="y8Wz3rLq0pKf2mN4cV7bX1sT9uE6aH5jD0gI2oP8kR3lQ4wZ7yU1tF6nM9vB2xC5">
{body}
<div class="step__footer"><a href="/cart" class="step__footer__previous-link">{svg("chevron", 12)} Return to cart</a><button type="submit" id="continue_button" class="btn"><span class="btn__content">Pay now</span></button></div>
</form>
<footer class="main__footer" role="contentinfo"><ul class="policy-list"><li><a href="/policies/refund-policy">Refund policy</a></li><li><a href="/policies/shipping-policy">Shipping policy</a></li><li><a href="/policies/privacy-policy">Privacy policy</a></li><li><a href="/policies/terms-of-service">Terms of service</a></li></ul></footer>
</main>{summary()}</div>
{cookie_banner(SITE, "/policies/privacy-policy#cookies")}
<script>
document.querySelectorAll('input[name="checkout[different_billing_address]"]').forEach(function(r){{r.addEventListener('change',function(){{document.getElementById('billing-address').style.display=r.value==='true'&&r.checked?'block':'none';}});}});
document.querySelectorAll('.field__tip').forEach(function(b){{var t=b.nextElementSibling;if(!t)return;b.addEventListener('mouseenter',function(){{t.hidden=false;}});b.addEventListener('mouseleave',function(){{t.hidden=true;}});}});
var hm=document.querySelector('.help-menu__toggle');hm.addEventListener('click',function(){{var l=document.getElementById('help-menu-list');l.hidden=!l.hidden;hm.setAttribute('aria-expanded',String(!l.hidden));}});
document.getElementById('checkout_reduction_code').addEventListener('input',function(e){{var b=e.target.nextElementSibling;b.disabled=!e.target.value;}});
</script></body></html>'''
