"""Every error leaves the API as problem+json (RFC 9457): `type`, `title`, `status`, `detail`,
and, where they help, `suggestions` (the nearest documents or units), `candidates` (what an
ambiguous reference may mean) or `errors` (which parameter is wrong). No traceback, and no
file-system path outside the store, ever reaches a client."""
from __future__ import annotations

import logging
import re
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import Ambiguous, DirectivesError, InputError, NotFound, StoreError, UnreadableFile

log = logging.getLogger("directives.api")

PROBLEM = "application/problem+json"

#: slug -> (title, what it means); served at /problems/{slug}
PROBLEMS = {
    "bad-input": ("Bad input", "A parameter or a body cannot be used as it is; `detail` says which and why."),
    "validation": ("Invalid request", "A parameter is missing or has the wrong form; `errors` lists each one."),
    "not-found": ("Not found", "Nothing has that id or citation; `suggestions` lists the nearest ones."),
    "ambiguous": ("Ambiguous reference", "The citation fits several documents; `candidates` lists them: "
                                         "ask again with one of their ids."),
    "unreadable-file": ("Unreadable file", "An uploaded file could not be read as text (corrupt, encrypted, "
                                           "no text layer)."),
    "unsupported-type": ("Unsupported file type", "Only .txt, .md, .html, .docx and .pdf texts can be ingested."),
    "too-large": ("Payload too large", "The request is larger than DIRECTIVES_MAX_UPLOAD_BYTES."),
    "unauthorized": ("API key required", "Writes need the header X-API-Key when the server has an API key."),
    "forbidden": ("Wrong API key", "The X-API-Key header does not match the server's API key."),
    "too-many-requests": ("Too many requests", "This client sent more requests than DIRECTIVES_RATE_LIMIT allows; "
                                               "`Retry-After` says when to try again."),
    "store-unavailable": ("Store unavailable", "The store cannot be read or written; try again later."),
    "method-not-allowed": ("Method not allowed", "This path does not answer that HTTP method."),
    "not-acceptable": ("Not acceptable", "The requested representation is not available."),
    "internal": ("Internal error", "Something failed on the server; it has been logged."),
}
_BY_STATUS = {400: "bad-input", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
              406: "not-acceptable", 409: "ambiguous", 413: "too-large", 415: "unsupported-type",
              422: "validation", 429: "too-many-requests", 503: "store-unavailable"}
_PATHS = re.compile(r"(?:[A-Za-z]:)?(?:/[^\s/'\":]+){2,}/?")


class Problem(Exception):
    """An error the API layer itself raises (auth, size, type): becomes problem+json as is."""

    def __init__(self, status: int, detail: str, slug: str | None = None, headers: dict | None = None, **extra):
        self.status, self.detail, self.headers, self.extra = status, detail, headers, extra
        self.slug = slug or _BY_STATUS.get(status, "internal")
        super().__init__(detail)


def problem(request: Request, status: int, detail: str, slug: str | None = None, headers: dict | None = None,
            **extra) -> JSONResponse:
    slug = slug or _BY_STATUS.get(status, "internal" if status >= 500 else "bad-input")
    title = PROBLEMS.get(slug, ("Error", ""))[0]
    body = {"type": f"/problems/{slug}", "title": title, "status": status, "detail": _scrub(detail),
            "instance": request.url.path, **{k: v for k, v in extra.items() if v is not None}}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _scrub(text: str) -> str:
    """Absolute paths (the store directory, a temporary file) become their last part."""
    return _PATHS.sub(lambda m: m.group(0).rstrip("/").rsplit("/", 1)[-1], text)


def _refs(request: Request, ids: list[str]) -> list[dict]:
    state = getattr(request.app.state, "api", None)
    out = []
    for i in ids:
        label, url = None, None
        store = state._store if state is not None else None
        doc = store.document(i) if store is not None else None
        if doc is not None:
            from graph.queries import label as doc_label
            label, url = doc_label(doc), f"/documents/{quote(i, safe='')}"
        else:
            unit = store.unit(i) if store is not None else None
            if unit is None and state is not None:
                unit = next((u for u in state.roster if u.id == i), None)
            if unit is not None:
                label, url = unit.name, f"/units/{quote(i, safe='/')}"
        out.append({"id": i, "label": label, "url": url})
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem):
        return problem(request, exc.status, exc.detail, exc.slug, exc.headers, **exc.extra)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return problem(request, 404, str(exc), "not-found", suggestions=_refs(request, exc.suggestions))

    @app.exception_handler(Ambiguous)
    async def _ambiguous(request: Request, exc: Ambiguous):
        return problem(request, 409, str(exc), "ambiguous", candidates=_refs(request, exc.candidates))

    @app.exception_handler(UnreadableFile)
    async def _unreadable(request: Request, exc: UnreadableFile):
        status, slug = unreadable_status(exc)
        return problem(request, status, f"{exc.path.rsplit('/', 1)[-1]}: {exc.reason}", slug)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        log.error("store error: %s", exc)
        return problem(request, 503, "the store cannot be read or written at the moment", "store-unavailable",
                       headers={"Retry-After": "5"})

    @app.exception_handler(DirectivesError)
    async def _directives(request: Request, exc: DirectivesError):
        status = exc.status if 400 <= exc.status < 600 else 500
        if status >= 500:
            log.error("error: %s", exc)
            return problem(request, status, "the server could not answer this request", "internal")
        return problem(request, status, str(exc), "bad-input" if isinstance(exc, InputError) else None)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        errors = [{"in": ".".join(str(p) for p in e.get("loc", ())[:1]),
                   "name": ".".join(str(p) for p in e.get("loc", ())[1:]),
                   "message": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{e['name'] or e['in']}: {e['message']}" for e in errors) or "invalid request"
        return problem(request, 422, detail, "validation", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}; see / for the list of endpoints"
        return problem(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(request, 500, "the server could not answer this request", "internal")


def unreadable_status(exc: UnreadableFile) -> tuple[int, str]:
    reason = exc.reason
    if reason.startswith("file too large"):
        return 413, "too-large"
    if reason.startswith(("binary file", "not UTF-8", "unsupported")):
        return 415, "unsupported-type"
    return 422, "unreadable-file"
