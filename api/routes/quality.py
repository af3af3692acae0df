"""Statistics, the data-quality report, and the ingested files."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from graph import queries

from ..listing import add_list, next_link
from ..schemas import FilePage, QualityPage, Stats
from .common import READ_ERRORS, cursor_param, limit_param, nfc, state

router = APIRouter(tags=["quality"])

IssueQ = Literal["fuzzy-citation", "ambiguous-citation", "unresolved-citation", "conflicting-dates", "garbled-code",
                 "registry-date", "dated-before-target", "unknown-issuer", "unit-not-in-roster"]


@router.get("/stats", response_model=Stats, responses=READ_ERRORS, summary="Statistics of the graph")
def stats(request: Request) -> dict:
    """Documents by type, year, province and level; units; relations; mentions by how they were
    resolved; files; data-quality flags; the directives with the most implementing units."""
    return state(request).read(queries.stats)


def quality(request: Request, issue: IssueQ | None = Query(None),
            file: str | None = Query(None, max_length=300, description="only this ingested file (basename)"),
            document: str | None = Query(None, max_length=300, description="only this document id"),
            cursor: str | None = cursor_param(), limit: int = limit_param(100)) -> dict:
    """What an archivist would fix, each item with its evidence (file, line, sentence):
    citations resolved by fuzzy matching, ambiguous and unresolved citations (short forms that
    fit no or several documents), conflicting dates (one item per date seen, with the text that
    gives it), garbled codes, dates that disagree with the registry of central documents, plans
    dated before what they implement, documents of unknown issuer, units missing from the roster."""
    st = state(request)
    page = st.read(lambda store: queries.quality_report(store, st.roster, issue=issue, file=nfc(file),
                                                        document=nfc(document), cursor=cursor, limit=limit))
    return next_link(request, page)


add_list(router, "/quality", quality, model=QualityPage, name="quality", summary="Data-quality report",
         responses=READ_ERRORS, columns=["issue", "document", "label", "unit_id", "file", "line", "surface",
                                         "sentence", "detail", "candidates"])


def list_files(request: Request, cursor: str | None = cursor_param(), limit: int = limit_param(100)) -> dict:
    """The ingested texts (by basename) with their hash and how many citations and documents
    each contributed."""
    def run(store):
        return queries.paginate(queries.files(store), _file_key, cursor, limit)
    return next_link(request, state(request).read(run))


def _file_key(row: dict) -> tuple:
    return (row["file"],)


add_list(router, "/files", list_files, model=FilePage, name="files", summary="Ingested files",
         responses=READ_ERRORS, tags=["ingest"], columns=["file", "sha256", "mentions", "documents"])
