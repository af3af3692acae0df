"""The graph page and what it reads: `/` for browsers (JSON index for everyone else), `/viz`,
`/viz/view` (a selection with positions), `/viz/node/{ref}` (the side panel), `/viz/source/{file}`
(a text with its citations), `/viz/export` (the view as one offline HTML file) and the bundled
scripts under `/viz/static/`."""
from __future__ import annotations

import unicodedata
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from viz import build, export, page

from . import meta
from .common import DOC_ERRORS, nfc, node_id, state

router = APIRouter(tags=["viz"])

ModeQ = Literal["auto", "tree", "neighbourhood"]
NODE = Query(None, max_length=300, description="a document (id or citation) or a unit (id or name); none: the "
                                               "whole graph (capped at max_nodes)", examples=["Chỉ thị 05"])
MODE = Query("auto", description="`tree`: what answered the document (plans below it, what it carries out above, "
                                 "issuers beside); `neighbourhood`: every relation around it; `auto`: tree for a "
                                 "document, neighbourhood for a unit")
DEPTH = Query(None, ge=1, le=6, description="levels of the tree (default 6), or steps of the neighbourhood "
                                            "(default 2)")
MAX_NODES = Query(build.MAX_NODES, ge=1, le=10000, description="nodes at most in the selection")
HTML_OK = {200: {"description": "the page", "content": {"text/html": {"schema": {"type": "string"}}}}}


def _headers(extra: dict | None = None) -> dict:
    return {"Content-Security-Policy": page.SERVER_CSP, **page.SECURITY_HEADERS, "Vary": "Accept", **(extra or {})}


def _page(node: str | None = None) -> HTMLResponse:
    config = {"node": nfc(node) if node else None}
    return HTMLResponse(page.server_page(config), headers=_headers({"Cache-Control": "no-cache"}))


def wants_html(request: Request) -> bool:
    """A browser navigating: Accept names text/html, at least as high as application/json
    (`*/*` alone, as curl and fetch() send, gets JSON)."""
    quality: dict[str, float] = {}
    for part in request.headers.get("accept", "").lower().split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        quality[media] = max(q, quality.get(media, 0.0))
    html = quality.get("text/html", 0.0)
    return html > 0 and html >= quality.get("application/json", 0.0)


@router.get("/", include_in_schema=False)
def home(request: Request):
    """The page for browsers; the JSON index (GET / of the API) for every other client."""
    if wants_html(request):
        return _page(request.query_params.get("node"))
    return JSONResponse(meta.index(), headers={"Vary": "Accept"})


@router.get("/viz", response_class=HTMLResponse, responses=HTML_OK, summary="The graph page")
def viz_page(node: str | None = NODE):
    """Search box, the graph of the selection, filters and the side panel (the same page as `/`
    for a browser). `node` opens that document or unit."""
    return _page(node)


@router.get("/viz/view", response_model=dict[str, Any], responses=DOC_ERRORS, summary="A selection, ready to draw")
def viz_view(request: Request, node: str | None = NODE, mode: ModeQ = MODE, depth: int | None = DEPTH,
             max_nodes: int = MAX_NODES) -> dict:
    """The nodes and edges of the selection as vis-network items (built with pyvis), each node
    with its position in every layout (`pos.tree`, `pos.free`, `pos.timeline`), its level,
    province, type, date and `hop`; the legend, the timeline axis and the node budget above which
    the page groups nodes."""
    st = state(request)

    def run(store):
        center = node_id(store, nfc(node), st.roster, st) if node else None
        return build.view(store, center, mode=mode, depth=depth, max_nodes=max_nodes)
    return st.read(run)


@router.get("/viz/node/{ref:path}", response_model=dict[str, Any], responses=DOC_ERRORS,
            summary="One node as the side panel shows it")
def viz_node(request: Request, ref: str = Path(max_length=300, description="a document or unit id (or citation)",
                                                examples=["05-ct-tw.tw.2016"])) -> dict:
    """A document (attributes, relations with evidence, citations with file and line, paths up
    to the directive it carries out) or a unit (documents issued, directives carried out)."""
    st = state(request)

    def run(store):
        nid = node_id(store, nfc(ref), st.roster, st)
        return build.detail(store, nid, st.roster, kind="unit" if store.unit(nid) is not None else "document")
    return st.read(run)


@router.get("/viz/source/{file:path}", response_model=dict[str, Any], responses=DOC_ERRORS,
            summary="An ingested text with its citations")
def viz_source(request: Request, file: str = Path(max_length=300, description="file name as ingested",
                                                   examples=["bao-cao-lai-chau-ct05.md"])) -> dict:
    """The text (NFC) and every citation in it: span, line, the document it resolves to and how."""
    name = unicodedata.normalize("NFC", file)
    return state(request).read(build.source, name)


@router.get("/viz/export", response_class=HTMLResponse, responses={**DOC_ERRORS, 200: {
    "description": "one self-contained HTML file", "content": {"text/html": {"schema": {"type": "string"}}}}},
    summary="The view as one offline HTML file")
def viz_export(request: Request, node: str = Query(..., min_length=1, max_length=300, examples=["Chỉ thị 05"]),
               mode: ModeQ = MODE, depth: int | None = DEPTH, max_nodes: int = MAX_NODES) -> Response:
    """What `directives viz DOC -o file.html` writes: the view, the details of every node and the
    texts cited as evidence, in one file that works offline (no CDN, a strict CSP)."""
    st = state(request)

    def run(store):
        center = node_id(store, nfc(node), st.roster, st)
        return center, export.export_html(store, center, mode=mode, depth=depth, max_nodes=max_nodes,
                                          roster=st.roster, api=str(request.base_url).rstrip("/"))
    center, html = st.read(run)
    name = "directives-" + "".join(c if c.isalnum() or c in "-." else "-" for c in center)[:80] + ".html"
    return HTMLResponse(html, headers={**page.SECURITY_HEADERS,
                                       "Content-Disposition": f"attachment; filename=\"{name}\"; "
                                                              f"filename*=UTF-8''{quote(name)}"})


def install(app: FastAPI) -> None:
    """The page's routes (before the API's own `/`) and the bundled static files."""
    app.include_router(router)
    app.mount("/viz/static", StaticFiles(directory=str(page.STATIC)), name="viz-static")

