"""Find the document a user means: an id, or any way of citing it
("Chỉ thị 05", "15-NQ/TU", "KL 01", "Nghị quyết Trung ương 4 khóa XII")."""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from graph.errors import Ambiguous, NotFound
from graph.model import Document, MentionKind
from graph.store import Store

from .clean import fold
from .extract import find
from .patterns import ABBREVIATION_TYPES
from .registry import Registry, code_key
from .units import Roster

_ABBREVIATED = re.compile(r"^\s*(?P<abbr>[A-ZĐ][A-Za-zĐđ]{1,4})\s*(?:số\s*)?(?P<number>\d{1,5})\s*$")


def find_document(store: Store, query: str) -> Document:
    doc = store.document(query.strip())
    if doc:
        return doc
    docs = list(store.documents())
    matches = _by_citation(docs, query)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise Ambiguous(f"{query!r} fits {len(matches)} documents: " + ", ".join(d.id for d in matches),
                        [d.id for d in matches])
    raise NotFound(f"no document matches {query!r}", suggestions(docs, query))


def suggestions(docs: list[Document], query: str, limit: int = 5) -> list[str]:
    """Nearest documents by id, label and aliases, accent-insensitive."""
    choices = {}
    for d in docs:
        for text in (d.id, *(d.aliases or ()), f"{d.number}-{d.code}" if d.code else ""):
            if text:
                choices[fold(text)] = d.id
    hits = process.extract(fold(query), list(choices), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=50)
    return list(dict.fromkeys(choices[h[0]] for h in hits))[:limit]


def _by_citation(docs: list[Document], query: str) -> list[Document]:
    text = _expand(query)
    cits = find(text, "<query>", Roster.load(), Registry.load())
    if not cits:
        return []
    c = cits[0]
    if c.kind in (MentionKind.FULL, MentionKind.CODE):
        ck, n = code_key(c.code), c.number.lstrip("0")
        hits = [d for d in docs if d.code and code_key(d.code) == ck and (d.number or "").lstrip("0") == n]
        if c.date:
            hits = [d for d in hits if c.date in d.dates_seen or d.date == c.date] or hits
        return hits
    if c.kind is MentionKind.SHORT:
        n = c.number.lstrip("0")
        hits = [d for d in docs if d.type == c.type and (d.number or "").lstrip("0") == n]
        central = [d for d in hits if d.unit == "Trung ương"]
        return central if len(central) == 1 else hits
    target = fold(c.surface)
    return [d for d in docs if any(fold(a) == target for a in d.aliases)]


def _expand(query: str) -> str:
    """"KL 01" -> "Kết luận 01"."""
    m = _ABBREVIATED.match(query)
    if m and m.group("abbr") in ABBREVIATION_TYPES:
        return f"{ABBREVIATION_TYPES[m.group('abbr')]} {m.group('number')}"
    return query
