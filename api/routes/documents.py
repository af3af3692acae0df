"""Documents: the list, one document, who implemented it, coverage of the roster, chains."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query, Request

from graph import queries

from ..listing import add_list, next_link
from ..schemas import ChainDown, ChainUp, CoveragePage, DocumentDetail, DocumentPage, ImplementersPage
from .common import DOC_ERRORS, READ_ERRORS, cursor_param, document_id, limit_param, nfc, state

router = APIRouter(tags=["documents"])

LevelQ = Literal["central", "province", "district", "commune", "agency"]
#: the longest reference any read accepts (as viz's `node` and `ref`): a longer one is 422 before the
#: store sees it (no citation is that long; FalkorDB's Bolt takes statements of ~4 KB at most)
REF_MAX = 300
REF = Path(max_length=REF_MAX, description="a document id or any citation text: “Chỉ thị 05”, “15-NQ/TU”, "
                                           "“KL 01” (a `/` in it may be written as is)",
           examples=["Chỉ thị 05"], openapi_examples={
               "short form": {"value": "Chỉ thị 05"}, "code": {"value": "15-NQ/TU"},
               "abbreviation": {"value": "KL 01"}, "id": {"value": "05-ct-tw.tw.2016"}})


def list_documents(
        request: Request,
        type: str | None = Query(None, max_length=100, description="document type, accent-insensitive",
                                 examples=["Kế hoạch"]),
        unit: str | None = Query(None, max_length=200, description="issuing unit: id or name",
                                 examples=["Huyện ủy Tam Đường"]),
        province: str | None = Query(None, max_length=100, examples=["Lai Châu"]),
        level: LevelQ | None = Query(None, description="level of the issuing unit"),
        year_from: int | None = Query(None, ge=1900, le=2100),
        year_to: int | None = Query(None, ge=1900, le=2100),
        q: str | None = Query(None, max_length=200, description="free text: every word must occur in the "
                                                                 "label, aliases, subject or unit (accents optional)",
                              examples=["học tập và làm theo"]),
        flag: str | None = Query(None, max_length=100, description="data-quality flag: conflicting-dates, "
                                                                    "garbled-code, registry-date, dated-before-target"),
        cursor: str | None = cursor_param(), limit: int = limit_param(50)) -> dict:
    """Documents in date order (undated last), filtered; with facets by type, unit, province,
    level and year."""
    page = state(request).read(queries.documents, type=nfc(type), unit=nfc(unit), province=nfc(province),
                               level=level, year_from=year_from, year_to=year_to, q=nfc(q), flag=flag,
                               cursor=cursor, limit=limit)
    return next_link(request, page)


add_list(router, "/documents", list_documents, model=DocumentPage, name="documents", summary="List documents",
         responses=READ_ERRORS, columns=["id", "label", "type", "number", "code", "date", "year", "unit", "unit_id",
                                         "level", "province", "subject", "flags"])


def implementers(
        request: Request, ref: str = REF,
        transitive: bool = Query(True, description="also units that carry it out through plans implementing "
                                                   "plans and through successor directives (depth > 0)"),
        level: LevelQ | None = Query(None), province: str | None = Query(None, max_length=100,
                                                                          examples=["Lai Châu"]),
        cursor: str | None = cursor_param(), limit: int = limit_param(100)) -> dict:
    """Units that carried out the directive: each with the implementing document, its date,
    the lag in days after the directive, the relation and the evidence sentence; `groups`
    groups them by level and province."""
    st = state(request)

    def run(store):
        doc = document_id(store, ref, st)
        return queries.implementers_report(store, doc, transitive=transitive, level=level, province=nfc(province),
                                           cursor=cursor, limit=limit)
    return next_link(request, st.read(run))


add_list(router, "/documents/{ref:path}/implementers", implementers, model=ImplementersPage, name="implementers",
         summary="Who implemented a directive", responses=DOC_ERRORS,
         columns=["unit", "unit_id", "level", "province", "document", "document_label", "relation", "date",
                  "lag_days", "via", "via_label", "depth", "direct", "how", "confidence", "evidence_file",
                  "evidence_line", "evidence_text"])


def coverage(
        request: Request, ref: str = REF,
        province: str | None = Query(None, max_length=100, description="default: the directive's own province "
                                                                       "(for a provincial directive)",
                                     examples=["Sơn La"]),
        level: LevelQ | None = Query(None, examples=["district"]),
        kind: str | None = Query("party", max_length=50, description="unit kind (party, state, front, "
                                                                      "organisation, school, body); `any` for all"),
        on: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="read the roster on this day "
                                                                                 "instead of the directive's date"),
        status: Literal["implemented", "not_implemented"] | None = Query(None),
        cursor: str | None = cursor_param(), limit: int = limit_param(200)) -> dict:
    """Which units of the roster (data/units.json) carried out the directive and which did not,
    among the units that existed on the directive's date (the roster carries validity dates:
    provinces merged and the district level was abolished in 2025, so a 2021 directive counts the
    units of 2021). `summary` has the counts, the units left out because they did not exist then,
    and implementers outside the roster."""
    st = state(request)

    def run(store):
        doc = document_id(store, ref, st)
        return queries.coverage(store, doc, st.roster, province=nfc(province), level=level,
                                kind=None if (kind or "any") == "any" else kind, status=status, on=on,
                                cursor=cursor, limit=limit)
    return next_link(request, st.read(run))


add_list(router, "/documents/{ref:path}/coverage", coverage, model=CoveragePage, name="coverage",
         summary="Which units of the roster implemented a directive", responses=DOC_ERRORS,
         columns=["unit_id", "unit", "level", "province", "kind", "status", "first_date", "lag_days",
                  "valid_from", "valid_to", "documents"])


@router.get("/documents/{ref:path}/chain/up", response_model=ChainUp, responses=DOC_ERRORS,
            summary="From a plan up to the directive(s) it carries out")
def chain_up(request: Request, ref: str = REF,
             max_depth: int = Query(12, ge=1, le=50, description="longest path followed")) -> dict:
    """Every path from the document up through what it implements, continues or guides, to the
    documents that carry out nothing further (`roots`; `central` when the root is central)."""
    st = state(request)
    return st.read(lambda store: queries.chain_up(store, document_id(store, ref, st), max_depth=max_depth))


@router.get("/documents/{ref:path}/chain/down", response_model=ChainDown, responses=DOC_ERRORS,
            summary="The tree down from a directive")
def chain_down(request: Request, ref: str = REF, depth: int = Query(6, ge=1, le=20),
               max_nodes: int = Query(2000, ge=1, le=20000)) -> dict:
    """What implements, continues, guides, inspects or amends the document, and so on down:
    each document once, under its shallowest parent, with the relation, lag and evidence."""
    st = state(request)
    return st.read(lambda store: queries.chain_down(store, document_id(store, ref, st), depth=depth,
                                                    max_nodes=max_nodes))


@router.get("/documents/{ref:path}", response_model=DocumentDetail, responses=DOC_ERRORS, summary="One document")
def document(request: Request, ref: str = REF,
             mentions_limit: int = Query(200, ge=0, le=5000, description="mentions listed at most")) -> dict:
    """The document's attributes; the variants seen (aliases, every date the texts give it);
    its issuing unit; relations in and out with their evidence; and every citation of it with
    file, line and sentence."""
    st = state(request)
    return st.read(lambda store: queries.document_detail(store, document_id(store, ref, st),
                                                         mentions_limit=mentions_limit))
