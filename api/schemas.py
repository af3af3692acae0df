"""Response and request models of the HTTP API: the OpenAPI contract.

`graph.queries` answers with plain dicts; these models say what the API promises about them
(and filter out anything else). Vietnamese strings are NFC, exactly as the texts write them.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LevelName = Literal["central", "province", "district", "commune", "agency"]
RelationName = Literal["issued", "implements", "continues", "inspects", "guides", "amends", "cites"]

EVIDENCE_EXAMPLE = {
    "file": "bao-cao-lai-chau-ct05.md", "line": 19,
    "text": "Huyện ủy Tam Đường ban hành Kế hoạch số 12-KH/HU, ngày 22/8/2016 về thực hiện Chỉ thị số 05-CT/TW"}
DOCUMENT_EXAMPLE = {
    "id": "05-ct-tw.tw.2016", "label": "Chỉ thị số 05-CT/TW", "type": "Chỉ thị", "number": "05", "code": "CT/TW",
    "date": "2016-05-15", "year": 2016, "unit": "Bộ Chính trị", "unit_id": "tw/bo-chinh-tri", "level": "central",
    "province": None, "subject": "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "flags": ["conflicting-dates"]}
PLAN_EXAMPLE = {
    "id": "12-kh-hu.huyen-uy-tam-duong.2016", "label": "Kế hoạch số 12-KH/HU", "type": "Kế hoạch", "number": "12",
    "code": "KH/HU", "date": "2016-08-22", "year": 2016, "unit": "Huyện ủy Tam Đường",
    "unit_id": "lai-chau/huyen-uy-tam-duong", "level": "district", "province": "Lai Châu",
    "subject": "về thực hiện Chỉ thị số 05-CT/TW", "flags": []}
UNIT_EXAMPLE = {
    "id": "lai-chau/huyen-uy-tam-duong", "name": "Huyện ủy Tam Đường", "level": "district", "province": "Lai Châu",
    "parent": "lai-chau/tinh-uy", "kind": "party", "valid_from": None, "valid_to": "2025-06-30", "in_roster": True,
    "documents": 2, "carried_out": 2}


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


class Evidence(BaseModel):
    """The sentence that says it, and where: `file` is the basename of an ingested text."""
    model_config = _examples(EVIDENCE_EXAMPLE)
    file: str
    line: int = Field(description="1-based line of the text")
    text: str


class FacetValue(BaseModel):
    value: str | int
    count: int


class Page(BaseModel):
    """A page of a list. Follow `next` (or pass `next_cursor` as `cursor`) for the next page;
    `facets` count the values of the whole filtered list, not only this page."""
    total: int = Field(description="items in the whole filtered list")
    limit: int
    next: str | None = Field(None, description="URL of the next page, null on the last page")
    next_cursor: str | None = None
    facets: dict[str, list[FacetValue]] = {}


# --- documents ----------------------------------------------------------------------------

class DocumentSummary(BaseModel):
    model_config = _examples(DOCUMENT_EXAMPLE)
    id: str
    label: str = Field(description="how people cite it: “Kế hoạch số 47-KH/HU”")
    type: str
    number: str | None = None
    code: str | None = None
    date: str | None = Field(None, description="ISO date, the best-supported reading")
    year: int | None = None
    unit: str | None = Field(None, description="issuing unit (canonical Vietnamese name)")
    unit_id: str | None = None
    level: LevelName | None = None
    province: str | None = None
    subject: str | None = None
    flags: list[str] = Field([], description="data-quality notes: conflicting-dates, garbled-code:…")


class DocumentPage(Page):
    items: list[DocumentSummary]


class UnitSummary(BaseModel):
    model_config = _examples(UNIT_EXAMPLE)
    id: str
    name: str
    level: LevelName
    province: str | None = None
    parent: str | None = None
    kind: str | None = None
    valid_from: str | None = Field(None, description="first day the unit existed, when known")
    valid_to: str | None = Field(None, description="last day the unit existed (merged or abolished), when known")
    in_roster: bool = Field(description="listed in data/units.json (else only met in texts)")
    documents: int = Field(0, description="documents it issued")
    carried_out: int = Field(0, description="directives it carried out")


class IncomingRelation(BaseModel):
    relation: RelationName
    source: str
    source_kind: Literal["document", "unit"]
    source_label: str
    source_date: str | None = None
    source_unit: str | None = None
    confidence: float
    evidence: Evidence


class OutgoingRelation(BaseModel):
    relation: RelationName
    target: str
    target_label: str
    target_date: str | None = None
    target_unit: str | None = None
    confidence: float
    evidence: Evidence


class MentionOut(BaseModel):
    file: str
    line: int
    col: int = Field(description="0-based offset in the line")
    surface: str = Field(description="the citation exactly as written")
    kind: Literal["full", "short", "named", "code"]
    resolution: str = Field(description="exact | fuzzy | registry | context | ambiguous | unresolved")
    sentence: str | None = Field(None, description="the line around it, clipped")


class DocumentDetail(DocumentSummary):
    model_config = _examples({
        **DOCUMENT_EXAMPLE, "sep": "-", "code_owner": "Trung ương", "issuer": "Bộ Chính trị",
        "aliases": ["Chỉ thị số 05-CT/TW", "Chỉ thị 05"], "dates_seen": ["2015-05-15", "2016-05-15"],
        "conflicting_dates": True, "issuing_unit": None, "incoming": [{
            "relation": "implements", "source": "12-kh-hu.huyen-uy-tam-duong.2016", "source_kind": "document",
            "source_label": "Kế hoạch số 12-KH/HU", "source_date": "2016-08-22", "source_unit": "Huyện ủy Tam Đường",
            "confidence": 0.9, "evidence": EVIDENCE_EXAMPLE}],
        "outgoing": [], "mentions": [{"file": "bao-cao-lai-chau-ct05.md", "line": 19, "col": 88,
                                      "surface": "Chỉ thị số 05-CT/TW", "kind": "full", "resolution": "exact",
                                      "sentence": EVIDENCE_EXAMPLE["text"]}],
        "mentions_total": 1, "files": ["bao-cao-lai-chau-ct05.md"]})
    sep: str | None = None
    code_owner: str | None = Field(None, description="owner of the code space: “Trung ương”, “Tỉnh ủy Lai Châu”")
    issuer: str | None = Field(None, description="the issuing body as written: “Ban Thường vụ Tỉnh ủy”")
    aliases: list[str] = Field([], description="every way the texts cite it")
    dates_seen: list[str] = []
    conflicting_dates: bool = False
    issuing_unit: UnitSummary | None = None
    incoming: list[IncomingRelation] = []
    outgoing: list[OutgoingRelation] = []
    mentions: list[MentionOut] = []
    mentions_total: int = 0
    files: list[str] = []


# --- implementers, coverage, chains ------------------------------------------------------------

class Implementer(BaseModel):
    model_config = _examples({
        "unit": "Huyện ủy Tam Đường", "unit_id": "lai-chau/huyen-uy-tam-duong", "level": "district",
        "province": "Lai Châu", "document": "12-kh-hu.huyen-uy-tam-duong.2016",
        "document_label": "Kế hoạch số 12-KH/HU", "relation": "implements", "date": "2016-08-22",
        "year": 2016, "lag_days": 99, "via": "05-ct-tw.tw.2016", "via_label": "Chỉ thị số 05-CT/TW",
        "via_date": "2016-05-15", "depth": 0, "direct": True, "how": "document", "confidence": 0.9,
        "evidence": EVIDENCE_EXAMPLE})
    unit: str
    unit_id: str
    level: LevelName
    province: str | None = None
    document: str | None = Field(None, description="the implementing document; null when the text names "
                                                   "only the unit's activity")
    document_label: str | None = None
    relation: RelationName
    date: str | None = None
    year: int | None = None
    lag_days: int | None = Field(None, description="days after the directive asked about")
    via: str = Field(description="the document this one carries out directly (the directive, or a plan of it)")
    via_label: str
    via_date: str | None = None
    depth: int = Field(description="0: carries out the directive itself; 1+: through plans or successors")
    direct: bool
    how: Literal["document", "activity"]
    confidence: float
    evidence: Evidence


class ImplementerGroup(BaseModel):
    level: LevelName | None = None
    province: str | None = None
    count: int
    units: list[str]


class ImplementersPage(Page):
    directive: DocumentSummary
    units: int = Field(description="distinct implementing units in the filtered list")
    groups: list[ImplementerGroup] = Field(description="the filtered list grouped by level and province")
    items: list[Implementer]


class CoverageDocument(BaseModel):
    document: str | None = None
    label: str | None = None
    date: str | None = None
    lag_days: int | None = None
    relation: RelationName
    via: str
    depth: int
    evidence: Evidence


class CoverageItem(BaseModel):
    model_config = _examples({
        "unit_id": "son-la/huyen-uy-bac-yen", "unit": "Huyện ủy Bắc Yên", "level": "district", "province": "Sơn La",
        "kind": "party", "valid_from": None, "valid_to": "2025-06-30", "status": "not_implemented",
        "first_date": None, "lag_days": None, "documents": []})
    unit_id: str
    unit: str
    level: LevelName
    province: str | None = None
    kind: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    status: Literal["implemented", "not_implemented"]
    first_date: str | None = None
    lag_days: int | None = None
    documents: list[CoverageDocument] = []


class ExcludedUnit(BaseModel):
    unit_id: str
    unit: str
    valid_from: str | None = None
    valid_to: str | None = None


class OutsideUnit(BaseModel):
    unit_id: str
    unit: str
    level: LevelName
    province: str | None = None
    reason: str
    documents: list[str] = []


class CoverageSummary(BaseModel):
    model_config = _examples({
        "as_of": "2021-05-18", "province": "Sơn La", "level": "district", "kind": "party", "units": 12,
        "implemented": 5, "not_implemented": 7, "ratio": 0.417,
        "excluded": [{"unit_id": "son-la/thi-uy-moc-chau", "unit": "Thị ủy Mộc Châu", "valid_from": "2025-02-01",
                      "valid_to": "2025-06-30"}], "outside_roster": []})
    as_of: str | None = Field(None, description="the day (or year range) the roster is read at")
    province: str | None = None
    level: LevelName | None = None
    kind: str | None = None
    units: int = Field(description="roster units that existed then and fit the filters")
    implemented: int
    not_implemented: int
    ratio: float | None = None
    excluded: list[ExcludedUnit] = Field([], description="units that fit the filters but did not exist then")
    outside_roster: list[OutsideUnit] = Field([], description="implementers not counted: not in the roster, "
                                                              "or not existing then")


class CoveragePage(Page):
    directive: DocumentSummary
    summary: CoverageSummary
    items: list[CoverageItem]


class ChainStep(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    document: DocumentSummary
    relation: RelationName
    from_: str = Field(alias="from", description="the document that carries out `document`")
    confidence: float
    lag_days: int | None = None
    evidence: Evidence


class ChainPath(BaseModel):
    steps: list[ChainStep]
    root: DocumentSummary
    central: bool = Field(description="the root is a central document")


class ChainUp(BaseModel):
    model_config = _examples({
        "document": PLAN_EXAMPLE, "roots": [DOCUMENT_EXAMPLE], "truncated": False,
        "paths": [{"steps": [{"document": DOCUMENT_EXAMPLE, "relation": "implements",
                              "from": "12-kh-hu.huyen-uy-tam-duong.2016", "confidence": 0.9, "lag_days": 99,
                              "evidence": EVIDENCE_EXAMPLE}], "root": DOCUMENT_EXAMPLE, "central": True}]})
    document: DocumentSummary
    paths: list[ChainPath]
    roots: list[DocumentSummary] = Field(description="what it ultimately carries out (itself when nothing)")
    truncated: bool


class TreeNode(BaseModel):
    id: str
    kind: Literal["document", "unit"]
    label: str
    date: str | None = None
    unit: str | None = None
    level: LevelName | None = None
    province: str | None = None
    relation: RelationName | None = Field(None, description="how this node relates to its parent")
    confidence: float | None = None
    lag_days: int | None = Field(None, description="days after its parent")
    evidence: Evidence | None = None
    children: list["TreeNode"] = []


class ChainDown(BaseModel):
    document: DocumentSummary
    tree: TreeNode
    nodes: int
    truncated: bool


# --- units ----------------------------------------------------------------------------------

class UnitPage(Page):
    items: list[UnitSummary]


class CarriedOut(BaseModel):
    directive: DocumentSummary
    document: str | None = None
    document_label: str | None = None
    date: str | None = None
    lag_days: int | None = None
    relation: RelationName
    confidence: float
    evidence: Evidence


class UnitDetail(UnitSummary):
    model_config = _examples({**UNIT_EXAMPLE, "parent_unit": None, "children": [], "issued": [PLAN_EXAMPLE],
                              "carried_out_directives": []})
    parent_unit: UnitSummary | None = None
    children: list[UnitSummary] = []
    issued: list[DocumentSummary] = []
    carried_out_directives: list[CarriedOut] = []


# --- search, graph ---------------------------------------------------------------------------

class SearchResult(BaseModel):
    model_config = _examples({"kind": "unit", "id": "dien-bien/huyen-uy-tua-chua", "label": "Huyện ủy Tủa Chùa",
                              "score": 90.0, "date": None, "unit": "Huyện ủy Tủa Chùa", "level": "district",
                              "province": "Điện Biên", "subject": None})
    kind: Literal["document", "unit"]
    id: str
    label: str
    score: float
    date: str | None = None
    unit: str | None = None
    level: LevelName | None = None
    province: str | None = None
    subject: str | None = None


class SearchPage(Page):
    query: str
    items: list[SearchResult]
    suggestions: list[SearchResult] = Field([], description="“did you mean”: the nearest, when nothing matches")


class GraphNode(BaseModel):
    id: str
    kind: Literal["document", "unit"]
    label: str
    type: str | None = None
    date: str | None = None
    year: int | None = None
    unit: str | None = None
    level: LevelName | None = None
    province: str | None = None
    flags: list[str] = []


class GraphEdge(BaseModel):
    source: str
    target: str
    relation: RelationName
    confidence: float
    evidence: Evidence


class Subgraph(BaseModel):
    model_config = _examples({
        "center": "05-ct-tw.tw.2016", "depth": 1, "truncated": False,
        "nodes": [{"id": "05-ct-tw.tw.2016", "kind": "document", "label": "Chỉ thị số 05-CT/TW", "type": "Chỉ thị",
                   "date": "2016-05-15", "year": 2016, "unit": "Bộ Chính trị", "level": "central",
                   "province": None, "flags": []},
                  {"id": "12-kh-hu.huyen-uy-tam-duong.2016", "kind": "document", "label": "Kế hoạch số 12-KH/HU",
                   "type": "Kế hoạch", "date": "2016-08-22", "year": 2016, "unit": "Huyện ủy Tam Đường",
                   "level": "district", "province": "Lai Châu", "flags": []}],
        "edges": [{"source": "12-kh-hu.huyen-uy-tam-duong.2016", "target": "05-ct-tw.tw.2016",
                   "relation": "implements", "confidence": 0.9, "evidence": EVIDENCE_EXAMPLE}]})
    center: str | None = None
    depth: int | None = None
    truncated: bool
    nodes: list[GraphNode]
    edges: list[GraphEdge]


# --- quality, stats, files --------------------------------------------------------------------

class QualityItem(BaseModel):
    model_config = _examples({
        "issue": "garbled-code", "document": "09-nq-tu.tinh-uy-son-la.2022", "label": "Nghị quyết số 09-NQ/TU",
        "unit_id": None, "file": "tin-son-la-nq15.txt", "line": 8, "surface": "Nghị quyết số 09-NQ/ThU, ngày 20/4/2022",
        "sentence": "Ngày 18/5/2022, Ban Thường vụ Thành ủy ban hành Kế hoạch số 88-KH/ThU về thực hiện "
                    "Nghị quyết số 09-NQ/ThU, ngày 20/4/2022 của Ban Thường vụ Tỉnh ủy …",
        "detail": "code written NQ/ThU, read as NQ/TU (Nghị quyết số 09-NQ/TU)", "candidates": []})
    issue: Literal["fuzzy-citation", "ambiguous-citation", "unresolved-citation", "conflicting-dates",
                   "garbled-code", "registry-date", "dated-before-target", "unknown-issuer", "unit-not-in-roster"]
    document: str | None = None
    label: str | None = None
    unit_id: str | None = None
    file: str | None = None
    line: int | None = None
    surface: str | None = None
    sentence: str | None = None
    detail: str
    candidates: list[str] = []


class QualityPage(Page):
    summary: dict[str, int] = Field(description="items per issue in the whole report")
    items: list[QualityItem]


class MostImplemented(DocumentSummary):
    implementing_units: int = Field(description="units whose documents or activity carry it out directly")


class Stats(BaseModel):
    documents: int
    units: int
    edges: int
    mentions: int
    files: int
    relations: dict[str, int]
    resolutions: dict[str, int] = Field(description="mentions by how they were resolved")
    flags: dict[str, int]
    facets: dict[str, list[FacetValue]]
    most_implemented: list[MostImplemented] = Field(description="directives with the most implementing units")


class FileRow(BaseModel):
    file: str
    sha256: str | None = None
    mentions: int
    documents: int


class FilePage(Page):
    items: list[FileRow]


# --- ingest ----------------------------------------------------------------------------------

class TextIn(BaseModel):
    model_config = _examples({"name": "tin-muong-nhe.txt",
                              "text": "Huyện ủy Mường Nhé ban hành Kế hoạch số 15-KH/HU, ngày 10/3/2022 về thực "
                                      "hiện Nghị quyết số 15-NQ/TU của Ban Thường vụ Tỉnh ủy Điện Biên."})
    name: str = Field(min_length=1, max_length=200, description="file name the text is kept under (basename)")
    text: str = Field(min_length=1)


class IngestedFile(BaseModel):
    file: str
    status: Literal["ingested", "unchanged", "error"]
    format: str | None = None
    bytes: int
    error: str | None = None


class IngestReport(BaseModel):
    model_config = _examples({"ingested": 1, "unchanged": 0, "failed": 0, "documents": 37, "mentions": 84,
                              "files": [{"file": "tin-muong-nhe.txt", "status": "ingested", "format": "txt",
                                         "bytes": 180, "error": None}]})
    ingested: int
    unchanged: int
    failed: int
    documents: int = Field(description="documents in the store afterwards")
    mentions: int = Field(description="mentions in the store afterwards")
    files: list[IngestedFile]


class Removed(BaseModel):
    file: str
    removed: bool
    documents: int


# --- meta, problems ---------------------------------------------------------------------------

class Health(BaseModel):
    status: Literal["ok"]
    documents: int
    stale: bool


class Version(BaseModel):
    name: str
    version: str
    api: str
    python: str
    store: str


class Suggestion(BaseModel):
    id: str
    label: str | None = None
    url: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details (`application/problem+json`)."""
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "type": "/problems/not-found", "title": "Not found", "status": 404,
        "detail": "no document matches 'Chỉ thị 55'", "instance": "/documents/Chỉ thị 55",
        "suggestions": [{"id": "05-ct-tw.tw.2016", "label": "Chỉ thị số 05-CT/TW",
                         "url": "/documents/05-ct-tw.tw.2016"}]}]})
    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    suggestions: list[Suggestion] = []
    candidates: list[Suggestion] = []
    errors: list[dict] = []


class Link(BaseModel):
    rel: str
    href: str
    title: str


class Index(BaseModel):
    name: str
    version: str
    links: list[Link]
