"""The concepts of the citation graph, one small frozen dataclass each.

Everything the pipeline (`ingest/`) produces and the stores (`graph/`) keep is one
of these. Strings are NFC Unicode; names keep their Vietnamese diacritics.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Level(str, Enum):
    """Where a unit sits in the hierarchy of the Party and the state."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    AGENCY = "agency"  # party committees of agencies, fronts, mass organisations


class Relation(str, Enum):
    """What one node says about another."""

    ISSUED = "issued"  # unit -> document
    IMPLEMENTS = "implements"  # document|unit -> document
    CONTINUES = "continues"
    INSPECTS = "inspects"
    GUIDES = "guides"
    AMENDS = "amends"
    CITES = "cites"


DOC_RELATIONS = (Relation.IMPLEMENTS, Relation.CONTINUES, Relation.INSPECTS,
                 Relation.GUIDES, Relation.AMENDS, Relation.CITES)
#: relations through which a unit carries out a directive
CARRY_OUT = (Relation.IMPLEMENTS, Relation.CONTINUES)


class MentionKind(str, Enum):
    FULL = "full"  # number and code: 05-CT/TW, 2532/KH-ĐU
    SHORT = "short"  # type word and number: Chỉ thị 05
    NAMED = "named"  # by name: Nghị quyết Trung ương 4 (khóa XII)
    CODE = "code"  # a bare code with no type word: 15-NQ/TU


@dataclass(frozen=True, slots=True)
class Evidence:
    file: str  # basename of the source file
    line: int  # 1-based over str.splitlines() of the NFC text
    text: str  # the sentence that says it


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str  # canonical Vietnamese name: "Huyện ủy Nậm Pồ"
    level: Level
    province: str | None = None
    parent: str | None = None  # id of the parent unit
    kind: str = ""  # party | state | front | organisation | body
    valid_from: str | None = None  # ISO date the unit came into being, if known
    valid_to: str | None = None  # ISO date it was merged or abolished, if known


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    type: str  # full type word: "Nghị quyết", "Kế hoạch" ...
    number: str | None  # as written, leading zeros kept
    code: str | None  # normalised symbol: "CT/TW", "KH-ĐU"
    sep: str | None  # "-" party style, "/" state style
    unit: str | None  # canonical name of the unit owning the code space ("Trung ương" for central)
    province: str | None
    date: str | None  # ISO date, the best-supported reading
    dates_seen: tuple[str, ...] = ()
    subject: str | None = None
    aliases: tuple[str, ...] = ()  # surface forms seen
    issuer: str | None = None  # the issuing body as written: "Ban Thường vụ Tỉnh ủy"
    issuer_unit: str | None = None  # id of the unit that issued it
    flags: tuple[str, ...] = ()  # data-quality notes: conflicting-dates, garbled-code ...


@dataclass(frozen=True, slots=True)
class Mention:
    file: str
    line: int  # 1-based
    col: int  # 0-based offset in the line
    start: int  # offset in the whole NFC text
    end: int
    surface: str  # text[start:end]
    document: str | None  # resolved document id, None when unresolved
    kind: MentionKind = MentionKind.FULL
    resolution: str = "exact"  # exact | fuzzy | registry | context | ambiguous | unresolved
    candidates: tuple[str, ...] = ()  # when ambiguous: the documents it may be


@dataclass(frozen=True, slots=True)
class Edge:
    source: str  # document or unit id
    target: str  # document id
    relation: Relation
    confidence: float
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Graph:
    """A resolved graph: what a store keeps and queries answer from."""

    documents: tuple[Document, ...] = ()
    units: tuple[Unit, ...] = ()
    edges: tuple[Edge, ...] = ()
    mentions: tuple[Mention, ...] = ()
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation found in a text, before resolution: what the text says of it."""

    file: str
    start: int  # offsets in the NFC text; text[start:end] == surface
    end: int
    line: int  # 1-based
    col: int  # 0-based
    surface: str
    kind: MentionKind
    type: str | None = None  # full type word
    number: str | None = None
    code: str | None = None  # as written, spaces removed: "CT/TW", "KH/ThU", "KH-ĐU"
    sep: str | None = None
    date: str | None = None  # ISO date attached to the citation
    issuer: str | None = None  # issuing body as written: "Ban Thường vụ Huyện ủy Mường Nhé"
    issuer_unit: str | None = None  # canonical unit name the issuer phrase resolves to
    province: str | None = None  # the text's province
    subject: str | None = None  # "về ..." as written
    terms: tuple[str, ...] = ()  # named Central Committee resolutions: the khóa written
    plenum: int | None = None
    congress: str | None = None  # named congress resolutions: the ordinal, or the term years
    year: str | None = None  # a year printed in the number: 15/2020/NĐ-CP, 20/2023/QH15
    name: str | None = None  # a registry common name this citation matched
    paragraph: int = 0  # index of the paragraph in the text's layout
    pos: int = 0  # position of the citation in that paragraph's joined text
    sentence: str = ""  # the sentence that carries it, as evidence
    tail: int = 0  # end of the citation with its date and issuer phrase, in that text
    end_pos: int = 0  # end of the whole citation (date, issuer, subject included) there


@dataclass(frozen=True, slots=True)
class Statement:
    """A relation one text states, before resolution: between citations of that text
    (indexes into its citation list) or from a unit (canonical name) to a citation."""

    source: int | str  # citation index, or "unit:<canonical name>"
    target: int
    relation: Relation
    confidence: float
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote marker and the body it points to, both as lines of the text."""

    marker: str  # "2" for <sup>2</sup>
    line: int  # line of the sentence that carries the marker
    body_line: int  # first line of the footnote's body
    sentence: str  # the sentence that carries the marker


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one text contributes, before resolution: the unit of ingest, replaced
    whole when the file changes and withdrawn whole when it is removed."""

    file: str  # basename
    sha256: str
    province: str | None
    author: str | None  # canonical name of the unit that signed it, if it says
    citations: tuple[Citation, ...] = ()
    statements: tuple[Statement, ...] = ()
    text: str = ""  # the NFC text, for the source view
    footnotes: tuple[Footnote, ...] = ()
