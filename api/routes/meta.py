"""The index, health, version and the problem types."""
from __future__ import annotations

import platform
from importlib import metadata

from fastapi import APIRouter, Path, Request

from graph.errors import NotFound

from ..errors import PROBLEMS
from ..schemas import Health, Index, Version
from .common import READ_ERRORS, state

router = APIRouter(tags=["meta"])
API_VERSION = "1"


def package_version() -> str:
    try:
        return metadata.version("directives")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@router.get("/", response_model=Index, summary="What this API offers")
def index() -> dict:
    links = [("documents", "/documents", "documents, filtered and paged (also .json, .csv)"),
             ("implementers", "/documents/Chỉ thị 05/implementers", "who implemented a directive"),
             ("coverage", "/documents/Chỉ thị 05/coverage?province=Lai Châu&level=district",
              "which units of the roster implemented it, and which did not"),
             ("chain-up", "/documents/05-ct-tw.tw.2016/chain/up", "from a plan up to its central directive"),
             ("chain-down", "/documents/05-ct-tw.tw.2016/chain/down", "the tree down from a directive"),
             ("units", "/units", "units of the roster and of the texts"),
             ("search", "/search?q=tua chua", "documents and units, fuzzy and accent-insensitive"),
             ("graph", "/graph?node=Chỉ thị 05&depth=1", "nodes and edges of a subgraph"),
             ("export", "/export?format=graphml", "the graph as JSONL, GraphML, GEXF or CSV"),
             ("stats", "/stats", "statistics"), ("quality", "/quality", "the data-quality report"),
             ("files", "/files", "ingested files"), ("ingest", "/ingest", "POST files (multipart) to ingest"),
             ("openapi", "/openapi.json", "the OpenAPI description"), ("docs", "/docs", "interactive documentation")]
    return {"name": "directives", "version": package_version(),
            "links": [{"rel": r, "href": h, "title": t} for r, h, t in links]}


@router.get("/health", response_model=Health, responses={503: READ_ERRORS[503]}, summary="Is the store readable")
def health(request: Request) -> dict:
    """`ok` when the store answers; 503 (problem+json) when it cannot be read."""
    return state(request).read(lambda store: {"status": "ok", "documents": sum(1 for _ in store.documents()),
                                              "stale": store.stale()})


@router.get("/version", response_model=Version, summary="Version of the package and of the API")
def version(request: Request) -> dict:
    opened = state(request)._store
    store = type(opened).__name__ if opened is not None else "not opened yet"
    return {"name": "directives", "version": package_version(), "api": API_VERSION,
            "python": platform.python_version(), "store": store}


@router.get("/problems/{slug}", response_model=dict[str, str], responses={404: READ_ERRORS[400] | {
    "description": "unknown problem type"}}, summary="What a problem type means")
def problem_type(slug: str = Path(max_length=50, examples=["not-found"])) -> dict:
    if slug not in PROBLEMS:
        raise NotFound(f"no problem type {slug!r}", [])
    title, description = PROBLEMS[slug]
    return {"type": f"/problems/{slug}", "title": title, "description": description}
