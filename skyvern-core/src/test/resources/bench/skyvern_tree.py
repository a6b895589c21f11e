"""Runs Skyvern's own Python around its element tree, for ElementTreeBenchmark. No Skyvern code is copied here:
the functions are read at run time from a checkout of the public Skyvern repository (a work tree, or a git
directory read with `git show HEAD:path`), picked out with `ast` and executed with small stubs for what they
import (context, logging, hashing).

  python3 skyvern_tree.py CHECKOUT script   prints the domUtils.js injection, wrapped as Skyvern wraps it
  python3 skyvern_tree.py CHECKOUT render    reads the element tree (JSON list) on stdin and prints JSON
                                             {"html": ..., "ids": n}: the tree as Skyvern's extract-action
                                             prompt carries it (cleanup without the SVG-describing LLM,
                                             trim_element_tree, then json_to_html with the element ids)
"""
import ast
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import types
import typing
from collections import defaultdict


def read(checkout, path):
    file = os.path.join(checkout, path)
    if os.path.isfile(file):
        with open(file, encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "--git-dir", checkout, "show", "HEAD:" + path], check=True,
                          capture_output=True, text=True).stdout


def extract(source, names, namespace):
    """Executes just the named top-level functions and assignments of a module's source in namespace."""
    tree = ast.parse(source)
    keep = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in names:
            keep.append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in names for t in targets):
                keep.append(node)
    found = {getattr(n, "name", None) or (n.targets[0].id if isinstance(n, ast.Assign) else n.target.id) for n in keep}
    missing = set(names) - found
    if missing:
        raise SystemExit(f"not found in the Skyvern checkout: {sorted(missing)}")
    module = ast.Module(body=keep, type_ignores=[])
    import __future__
    exec(compile(module, "<skyvern>", "exec", flags=__future__.annotations.compiler_flag), namespace)
    return namespace


class _Context:
    """Stands in for skyvern_context: a default context (no enriched tree, an empty href map)."""
    def __init__(self):
        self.hashed_href_map = {}

    def enriched_tree_enabled(self):
        return False


def stubs():
    ctx = _Context()
    context_module = types.SimpleNamespace(current=lambda: None, ensure_context=lambda: ctx)
    log = types.SimpleNamespace(debug=lambda *a, **k: None, info=lambda *a, **k: None, warning=lambda *a, **k: None)
    ns = {"copy": copy, "json": json, "re": re, "defaultdict": defaultdict, "Any": typing.Any,
          "skyvern_context": context_module, "LOG": log, "SKYVERN_ID_ATTR": "unique_id",
          "calculate_sha256": lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest(),
          "_add_to_dropped_css_svg_element_map": lambda hashed_key: None}
    return ns


def script(checkout):
    ns = extract(read(checkout, "skyvern/webeye/utils/page.py"), {"_JS_TOP_LEVEL_DECL_RE", "_wrap_js_in_isolated_scope"}, stubs())
    # load_js_script(): the file's text through _wrap_js_in_isolated_scope.
    sys.stdout.write(ns["_wrap_js_in_isolated_scope"](read(checkout, "skyvern/webeye/scraper/domUtils.js")))


def render(checkout):
    ns = stubs()
    extract(read(checkout, "skyvern/webeye/scraper/scraper.py"),
            {"RESERVED_ATTRIBUTES", "ENRICHED_ONLY_ATTRIBUTES", "ENRICHED_RESERVED_ATTRIBUTES", "BASE64_INCLUDE_ATTRIBUTES",
             "_reserved_attributes_for_context", "_ELEMENT_TREE_IMMUTABLE_LEAF", "_deepcopy_element_tree",
             "_should_keep_unique_id", "trim_element", "trim_element_tree", "_trimmed_base64_data", "_trimmed_attributes"}, ns)
    extract(read(checkout, "skyvern/webeye/scraper/scraped_page.py"),
            {"ELEMENT_NODE_ATTRIBUTES", "_PUA_PATTERN", "_replace_pua_with_marker", "build_attribute", "json_to_html"}, ns)
    extract(read(checkout, "skyvern/forge/agent_functions.py"), {"_remove_rect", "_mark_element_as_dropped"}, ns)
    tree = json.load(sys.stdin)
    tree = cleanup(ns, ns["_deepcopy_element_tree"](tree))
    trimmed = ns["trim_element_tree"](ns["_deepcopy_element_tree"](tree))
    # ScrapedPage.build_element_tree(ElementTreeFormat.HTML): json_to_html with need_skyvern_attrs=True.
    html = "".join(ns["json_to_html"](e, need_skyvern_attrs=True) for e in trimmed)
    json.dump({"html": html, "ids": shown_ids(trimmed)}, sys.stdout)


def cleanup(ns, tree):
    """cleanup_element_tree_func of agent_functions.py with no SVG/CSS converter LLM configured: every
    element loses its rect and every svg is marked dropped (its _check_svg_eligibility always_drop branch)."""
    queue = list(tree)
    while queue:
        e = queue.pop(0)
        ns["_remove_rect"](e)
        if e.get("tagName") == "svg" and not e.get("isDropped", False):
            ns["_mark_element_as_dropped"](e, hashed_key=None)
        queue.extend(e.get("children", []))
    return tree


def shown_ids(elements):
    """Ids json_to_html writes: elements that kept "id", are rendered, and are not purgeable."""
    n = 0
    for e in elements:
        if e.get("isDropped", False) and not e.get("interactable", False):
            continue
        if "id" in e and not e.get("purgeable", False):
            n += 1
        n += shown_ids(e.get("children", []))
    return n


if __name__ == "__main__":
    {"script": script, "render": render}[sys.argv[2]](sys.argv[1])
