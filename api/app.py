"""The app factory: `create_app(store_factory=..., settings=...)`.

One store object per app, opened on first use. Endpoints that touch the store are plain
`def`s, so FastAPI runs them in the worker thread pool (sized in the lifespan to the store's
connection pool) and the event loop never blocks. Reads share a lock; an ingest takes it
alone, and the derived views are rebuilt before readers come back.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Callable

import anyio.to_thread
from fastapi import FastAPI
from starlette.exceptions import HTTPException
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi

from graph.store import Store

from . import errors
from .limits import Limits
from .routes import documents, graph, ingest, meta, quality, search, units, viz
from .schemas import Problem
from .settings import Settings
from .state import AppState

log = logging.getLogger("directives.api")

DESCRIPTION = """
Citation graph of Vietnamese Party directives: which units implemented directive X, through which
document, when, and which sentence says so.

* Documents are named by id or by any citation text (`Chỉ thị 05`, `15-NQ/TU`, `KL 01`).
* Every list is paged with a cursor (`next` link), has facets, and is also served as `.json` and `.csv`.
* Errors are `application/problem+json`; an unknown document suggests the nearest ones.
* Reads are open; writes (ingest) need the header `X-API-Key` when the server has `DIRECTIVES_API_KEY`.
"""


def create_app(store_factory: Callable[[], Store] | None = None, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    if store_factory is None:
        def store_factory():  # DIRECTIVES_BACKEND: the embedded store of settings.store, or Neo4j
            from graph.backends import open_store
            return open_store(settings.store)
    state = AppState(settings, store_factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:  # open (rebuild if stale), load and index, off the loop; a failure is answered per request
            await anyio.to_thread.run_sync(state.warm)
        except Exception:  # noqa: BLE001
            log.exception("the store could not be loaded at startup")
        anyio.to_thread.current_default_thread_limiter().total_tokens = state.pool_size
        try:
            yield
        finally:
            state.close()

    app = FastAPI(title="directives", version=meta.package_version(), description=DESCRIPTION, lifespan=lifespan,
                  openapi_tags=[{"name": "documents", "description": "documents, implementers, coverage, chains"},
                                {"name": "units", "description": "the roster and the units met in texts"},
                                {"name": "search", "description": "one box for documents and units"},
                                {"name": "graph", "description": "subgraphs and exports"},
                                {"name": "quality", "description": "statistics and the data-quality report"},
                                {"name": "ingest", "description": "writes (API key when set) and files"},
                                {"name": "meta", "description": "health, version, problem types"},
                                {"name": "viz", "description": "the graph page and the data it draws"}])
    app.state.api = state
    errors.install(app)
    viz.install(app)  # the graph page (before meta: `/` is the page for browsers, the JSON index otherwise)
    for module in (meta, documents, units, search, graph, quality):
        app.include_router(module.router)
    app.include_router(ingest.write_router(protected=bool(settings.api_key)))

    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + 64 * 1024)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
                           allow_headers=["X-API-Key", "Content-Type"], expose_headers=["Link", "X-Total-Count"])
    if settings.rate_limit or settings.max_depth:  # outermost: refused before any other work
        app.add_middleware(Limits, rate_limit=settings.rate_limit, rate_burst=settings.rate_burst,
                           max_depth=settings.max_depth)
    app.openapi = lambda: _openapi(app)
    return app


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema, with every error response as application/problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes,
                         tags=app.openapi_tags)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in problem.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components["Problem"] = problem
    ref = {"$ref": "#/components/schemas/Problem"}
    for path in schema.get("paths", {}).values():
        for op in path.values():
            responses = op.get("responses", {})
            responses.setdefault("500", {"description": "internal error"})
            for status, response in responses.items():
                if status[:1] in "45":
                    response["content"] = {"application/problem+json": {"schema": ref}}
    for unused in ("HTTPValidationError", "ValidationError"):
        if not _referenced(schema, f"#/components/schemas/{unused}"):
            components.pop(unused, None)
    app.openapi_schema = schema
    return schema


def _referenced(schema: dict, ref: str) -> bool:
    import json
    return f'"{ref}"' in json.dumps(schema.get("paths", {})) or any(
        f'"{ref}"' in json.dumps(v) for k, v in schema["components"]["schemas"].items() if not ref.endswith(k))


class BodyLimit:
    """Refuse write requests whose body is larger than `limit` (413, problem+json), from the
    Content-Length header when there is one, else while the body streams in."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, receive, send)
        seen = 0
        started = False

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return message

        async def tracked(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        from starlette.requests import Request
        response = errors.problem(Request(scope), 413, f"request body larger than {self.limit} bytes "
                                                       "(DIRECTIVES_MAX_UPLOAD_BYTES)", "too-large")
        await response(scope, receive, send)


class _TooLarge(HTTPException):
    """Raised from inside the body stream; FastAPI passes HTTPExceptions through to the handler."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than {limit} bytes (DIRECTIVES_MAX_UPLOAD_BYTES)")
