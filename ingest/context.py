"""What each paragraph is about, beyond its own words: the province it speaks of and the
unit it is under.

Reports are organised by unit ("1. Ban Thường vụ Huyện ủy Tủa Chùa" / "Đã kịp thời ban
hành Kế hoạch số 131-KH/HU ..."), news compare provinces paragraph by paragraph ("Ở Lai
Châu, ..." / "Khác với Lai Châu, Sơn La ..."), and one file may hold several documents,
each under its own letterhead. A `Context` per paragraph carries that down.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import key
from .layout import Layout
from .units import Roster, unlisted

_NUMBERING = re.compile(r"^\s*(?:[-+•*]\s*|\(?\d{1,2}[.)]\s*|\(?[a-zđ][.)]\s*|[IVX]+[.-]\s*)?")
_MARKUP = re.compile(r"[*_#`]+|<sup>\s*\d+\s*</sup>")
_PARTS = re.compile(r"\s{3,}|\t|\|")  # the columns of a letterhead line
_MOST_WORDS = 12  # in a unit's name standing as a heading
_HEADING = re.compile(r"^\s*(?:#+\s*|\*\*)?(?:[IVX]+[.-]|\d{1,2}(?:\.\d{1,2})*[.)]|[A-ZĐ][A-ZĐÀ-Ỹ ,]{6,}$)")


@dataclass(frozen=True)
class Context:
    province: str | None  # the province this paragraph speaks of
    unit: str | None  # the unit a heading above put this paragraph under
    author: str | None  # the unit whose letterhead this paragraph follows


def contexts(doc_layout: Layout, roster: Roster, province: str | None, author: str | None) -> list[Context]:
    out: list[Context] = []
    unit, section_author = None, author
    for p in doc_layout.paragraphs:
        text = _without_markup(p.text)
        letterhead = letterhead_unit(text, roster, province)
        if letterhead:
            section_author, unit = letterhead, None
        heading = _heading_unit(text, roster, province)
        if heading:
            unit = heading
        elif len(text) < 120 and _HEADING.match(p.text):
            unit = None  # a new section that names no unit
        out.append(Context(_province_of(text, roster, province), unit, section_author))
    return out


def _without_markup(text: str) -> str:
    if "*" in text or "_" in text or "#" in text or "`" in text or "<sup>" in text:
        text = _MARKUP.sub("", text)
    return text.strip()


def _heading_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """"1. Ban Thường vụ Huyện ủy Tủa Chùa" — a short line that is nothing but a unit."""
    if len(text.split(None, _MOST_WORDS + 2)) > _MOST_WORDS + 2:
        return None  # numbering and a trailing stop take at most two words off
    body = _NUMBERING.sub("", text).strip().rstrip(":.")
    if not body or len(body.split(None, _MOST_WORDS)) > _MOST_WORDS or not body[0].isupper():
        return None
    unit = roster.exactly(body, province)
    return unit.name if unit else unlisted(body)


def letterhead_unit(text: str, roster: Roster, province: str | None) -> str | None:
    """"HUYỆN ỦY TUẦN GIÁO" — the name of the unit that issues, in capitals, as letterheads
    print it (a newspaper's masthead, "BÁO ĐIỆN BIÊN PHỦ", is no issuing unit)."""
    for part in _columns(text):
        part = part.strip()
        if len(part) <= 6 or part.upper() != part or not any(ch.isalpha() for ch in part):
            continue
        if key(part).startswith("đảng bộ"):
            continue  # the parent line above the issuer: "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"
        m = roster.match(part, province)
        if m and m.score == 100 and m.unit.kind in ("party", "state", "front"):
            return m.unit.name
        if not m and unlisted(part):
            return unlisted(part)
    return None


def _columns(text: str) -> list[str]:
    """`_PARTS.split(text)`; a line with no tab, bar, other space than " " (all are unprintable)
    or two spaces in a row is one column, and needs no regex."""
    if "  " in text or "|" in text or not text.isprintable():
        return _PARTS.split(text)
    return [text]


def _province_of(text: str, roster: Roster, province: str | None) -> str | None:
    """A paragraph speaks of another province only when it names that one and not the text's."""
    if province and province in text:
        return province
    here = roster.places_in(text).province()
    if here and here != province and (not province or province not in text):
        return here
    return province
