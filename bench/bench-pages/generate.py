"""Writes the four benchmark pages (python3 bench/bench-pages/generate.py). Deterministic: the same files every run."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import admin, checkout, news, shop  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "skyvern-core", "src", "test", "resources", "bench-pages")
os.makedirs(OUT, exist_ok=True)
for name, mod in [("shop-category.html", shop), ("checkout.html", checkout), ("news-article.html", news), ("admin-orders.html", admin)]:
    text = mod.page()
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}: {len(text.encode('utf-8')) / 1024:.1f} KB")
