"""One self-contained HTML file of a view (`directives viz DOC -o file.html`), for e-mail.

The file holds the view (as the page draws it), the side-panel details of every node in it and
the source texts its evidence comes from (up to `SOURCE_BUDGET` characters in all), with
vis-network, the page script and its styles inline. It fetches nothing: no CDN, and its
Content-Security-Policy forbids any connection.
"""
from __future__ import annotations

from typing import Iterable

from graph.errors import DirectivesError
from graph.model import Unit

from . import build, page

SOURCE_BUDGET = 3_000_000  # characters of source text embedded at most
MENTIONS_PER_NODE = 20


def export_data(store, center: str, *, mode: str = "auto", depth: int | None = None,
                max_nodes: int = build.MAX_NODES, roster: Iterable[Unit] = ()) -> dict:
    roster = list(roster)
    view = build.view(store, center, mode=mode, depth=depth, max_nodes=max_nodes)
    details: dict[str, dict] = {}
    for n in view["nodes"]:
        try:
            details[n["id"]] = build.detail(store, n["id"], roster, kind=n["kind"], mentions_limit=MENTIONS_PER_NODE)
        except DirectivesError:
            continue
    files: dict[str, int] = {}  # file -> how often the view points at it
    for e in view["edges"]:
        f = (e.get("evidence") or {}).get("file")
        if f:
            files[f] = files.get(f, 0) + 2
    for d in details.values():
        for m in d.get("mentions") or ():
            files[m["file"]] = files.get(m["file"], 0) + 1
    sources, used = {}, 0
    for f in sorted(files, key=lambda f: (-files[f], f)):
        try:
            src = build.source(store, f)
        except DirectivesError:
            continue
        if used + len(src["text"]) > SOURCE_BUDGET:
            continue
        used += len(src["text"])
        sources[f] = src
    return {"view": view, "details": details, "sources": sources}


def export_html(store, center: str, *, mode: str = "auto", depth: int | None = None,
                max_nodes: int = build.MAX_NODES, roster: Iterable[Unit] = (), api: str | None = None) -> str:
    """The HTML text of the file. `api`: base URL of a running API, for "API JSON" links."""
    data = export_data(store, center, mode=mode, depth=depth, max_nodes=max_nodes, roster=roster)
    c = next((n for n in data["view"]["nodes"] if n["id"] == center), None)
    title = f"{c['name']} — directives" if c else "directives"
    return page.offline_page(data, {"api": api}, title=title)
