"""One search box for documents and units."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from graph import queries
from graph.errors import Ambiguous, DirectivesError

from ..listing import add_list, next_link
from ..schemas import SearchPage
from .common import READ_ERRORS, cursor_param, limit_param, nfc, state

router = APIRouter(tags=["search"])


def search(request: Request,
           q: str = Query(..., min_length=1, max_length=200, description="what to look for, accents optional",
                          examples=["Tủa Chùa"], openapi_examples={
                              "unit without accents": {"value": "tua chua"}, "citation": {"value": "Chỉ thị 05"},
                              "code": {"value": "15-NQ/TU"}, "subject": {"value": "sinh hoạt chi bộ"}}),
           kind: Literal["document", "unit"] | None = Query(None),
           cursor: str | None = cursor_param(), limit: int = limit_param(20)) -> dict:
    """Documents and units whose names, codes or aliases match `q` fuzzily (rapidfuzz) and
    without regard to accents, plus documents whose subject holds every word of `q`; best first.
    Results keep their exact Vietnamese. When nothing matches, `suggestions` says “did you mean”."""
    st = state(request)

    def run(store):
        return queries.search(store, nfc(q) or "", st.roster, kind=kind, cursor=cursor, limit=limit,
                              exact=_cited(store, nfc(q) or ""))
    return next_link(request, st.read(run))


def _cited(store, text: str) -> list[str]:
    """The documents `text` cites, when it is a citation ("Chỉ thị 05", "KL 01")."""
    from ingest.lookup import find_document
    if not text.strip():
        return []
    try:
        return [find_document(store, text).id]
    except Ambiguous as e:
        return list(e.candidates)
    except DirectivesError:
        return []


add_list(router, "/search", search, model=SearchPage, name="search", summary="Search documents and units",
         responses=READ_ERRORS, columns=["kind", "id", "label", "score", "date", "unit", "level", "province",
                                         "subject"])
