"""What the route modules share: the app state, reference lookup, common parameters."""
from __future__ import annotations

import unicodedata

from fastapi import Query, Request

from graph import queries
from graph.errors import InputError, NotFound
from graph.store import Store

from ..schemas import Problem
from ..state import AppState

LIMIT_DESCRIPTION = "items per page (1–1000)"
CURSOR_DESCRIPTION = "opaque cursor from `next_cursor` of the previous page"


def state(request: Request) -> AppState:
    return request.app.state.api


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text).strip() if text is not None else None


def document_id(store: Store, ref: str, app_state: AppState | None = None) -> str:
    """The id of the document `ref` means: an id or any citation text ("Chỉ thị 05",
    "15-NQ/TU", "KL 01"). NotFound suggests the nearest; Ambiguous lists the candidates."""
    ref = nfc(ref) or ""
    if not ref:
        raise InputError("empty document reference: give an id or a citation such as “Chỉ thị 05”")
    if store.document(ref) is not None:
        return ref
    if app_state is not None:
        return app_state.document_id(store, ref, _resolve)
    return _resolve(store, ref)


def _resolve(store: Store, ref: str) -> str:
    from ingest.lookup import find_document
    try:
        return find_document(store, ref).id
    except NotFound as e:
        raise NotFound(f"no document matches {ref!r}", e.suggestions or queries.suggest_documents(store, ref)) from None


def node_id(store: Store, ref: str, roster, app_state: AppState | None = None) -> str:
    """A unit (id or exact name) or else a document (id or citation)."""
    ref = nfc(ref) or ""
    if store.unit(ref) is not None or store.document(ref) is not None:
        return ref
    try:
        unit = queries.find_unit(store, ref, roster)
        if store.unit(unit.id) is not None:
            return unit.id
    except NotFound:
        pass
    return document_id(store, ref, app_state)


def limit_param(default: int = 50):
    return Query(default, ge=1, le=queries.MAX_LIMIT, description=LIMIT_DESCRIPTION)


def cursor_param():
    return Query(None, max_length=2000, description=CURSOR_DESCRIPTION)


def _problem(description: str) -> dict:
    return {"description": description, "model": Problem}


READ_ERRORS = {400: _problem("bad parameter (a cursor, a level, a date)"),
               422: _problem("invalid parameter"), 503: _problem("store unavailable")}
DOC_ERRORS = {**READ_ERRORS, 404: _problem("no such document; `suggestions` lists the nearest"),
              409: _problem("the citation fits several documents; `candidates` lists them")}
UNIT_ERRORS = {**READ_ERRORS, 404: _problem("no such unit; `suggestions` lists the nearest")}
