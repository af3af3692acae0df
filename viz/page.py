"""The HTML page: one template of our own (not pyvis's), escaped everywhere.

Two ways to serve it:

* `server_page(...)`: the page at `/` of `directives serve`; scripts and styles come from
  `/viz/static/` (vis-network is bundled there, nothing from a CDN) and the data from the API.
  `SERVER_CSP` goes with it as a header.
* `offline_page(...)`: one self-contained file (`directives viz DOC -o file.html`): the same
  script, vis-network and styles inline, the view, the side-panel details and the source texts
  as a JSON data block. Its Content-Security-Policy (a meta tag) allows exactly those inline
  scripts and that style by their SHA-256 hashes, and no network at all.

Data goes into `<script type="application/json">` blocks with `<`, `>` and `&` written as
JSON escapes, so no text from a document (a subject with `</script>`) can end the block; the
script builds the DOM with text nodes only (no innerHTML).
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
ASSETS = ("vis-network.min.js", "viz.js", "viz.css")

SERVER_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
              "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY"}

_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                   keep_trailing_newline=False)


def script_json(obj) -> Markup:
    """JSON safe inside a <script type="application/json"> block (and valid JSON)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if name.endswith(".js") and "</script" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it holds </script")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def offline_csp() -> str:
    scripts = " ".join(_sha256(asset(n)) for n in ("vis-network.min.js", "viz.js"))
    return (f"default-src 'none'; script-src {scripts}; style-src {_sha256(asset('viz.css'))}; img-src data:; "
            "connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'")


def server_page(config: dict, *, title: str = "directives — citation graph", static: str = "/viz/static") -> str:
    """The page of `directives serve` (scripts from `static`, data from the API)."""
    return _env.get_template("page.html").render(offline=False, title=title, static=static,
                                                  config=script_json({"mode": "server", **config}),
                                                  version=_version())


def offline_page(data: dict, config: dict, *, title: str) -> str:
    """One self-contained HTML file: works offline, fetches nothing."""
    return _env.get_template("page.html").render(
        offline=True, title=title, csp=offline_csp(), css=Markup(asset("viz.css")),
        vis=Markup(asset("vis-network.min.js")), app=Markup(asset("viz.js")),
        config=script_json({"mode": "offline", **config}), data=script_json(data), version=_version())


def _version() -> str:
    try:
        from importlib import metadata
        return metadata.version("directives")
    except Exception:  # noqa: BLE001
        return ""
