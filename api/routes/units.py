"""Units: the roster and the units met in texts; one unit with its documents."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query, Request

from graph import queries

from ..listing import add_list, next_link
from ..schemas import UnitDetail, UnitPage
from .common import READ_ERRORS, UNIT_ERRORS, cursor_param, limit_param, nfc, state

router = APIRouter(tags=["units"])


def list_units(
        request: Request,
        level: Literal["central", "province", "district", "commune", "agency"] | None = Query(None),
        province: str | None = Query(None, max_length=100, examples=["Điện Biên"]),
        kind: str | None = Query(None, max_length=50, description="party, state, front, organisation, school, body"),
        q: str | None = Query(None, max_length=200, description="words of the name (accents optional)",
                              examples=["Mường Nhé"]),
        in_roster: bool | None = Query(None, description="only units of data/units.json (true) or only units "
                                                         "met in texts and missing from it (false)"),
        cursor: str | None = cursor_param(), limit: int = limit_param(50)) -> dict:
    """Units of the roster and units met in texts, central first, then by province and level;
    each with how many documents it issued and how many directives it carried out."""
    st = state(request)
    page = st.read(lambda store: queries.units(store, st.roster, level=level, province=nfc(province), kind=kind,
                                               q=nfc(q), in_roster=in_roster, cursor=cursor, limit=limit))
    return next_link(request, page)


add_list(router, "/units", list_units, model=UnitPage, name="units", summary="List units", responses=READ_ERRORS,
         columns=["id", "name", "level", "province", "parent", "kind", "valid_from", "valid_to", "in_roster",
                  "documents", "carried_out"])


@router.get("/units/{ref:path}", response_model=UnitDetail, responses=UNIT_ERRORS, summary="One unit")
def unit(request: Request,
         ref: str = Path(max_length=300, description="unit id (`lai-chau/huyen-uy-tam-duong`) or its name",
                         examples=["lai-chau/huyen-uy-tam-duong"],
                         openapi_examples={"id": {"value": "lai-chau/huyen-uy-tam-duong"},
                                           "name": {"value": "Huyện ủy Tam Đường"}})) -> dict:
    """The unit with its validity dates, its parent and children, the documents it issued and
    the directives it carried out (through which document, when, with evidence)."""
    st = state(request)
    return st.read(lambda store: queries.unit_detail(store, nfc(ref) or "", st.roster))
