"""Find the document a user means: an id, or any way of citing it
("Chỉ thị 05", "15-NQ/TU", "KL 01", "Nghị quyết Trung ương 4 khóa XII")."""
from __future__ import annotations

import re

from graph.derived import fold as index_fold, tokens
from graph.errors import Ambiguous, NotFound
from graph.model import Document, MentionKind
from graph.queries import suggest_documents
from graph.store import Store

from .clean import fold
from .extract import find
from .patterns import ABBREVIATION_TYPES
from .registry import Registry, code_key
from .units import Roster

#: documents the search index hands over per form of a number, at most
LOOKUP_CANDIDATES = 5000
_ABBREVIATED = re.compile(r"^\s*(?P<abbr>[A-ZĐ][A-Za-zĐđ]{1,4})\s*(?:số\s*)?(?P<number>\d{1,5})\s*$")


def find_document(store: Store, query: str) -> Document:
    doc = store.document(query.strip())
    if doc:
        return doc
    matches = _by_citation(store, query)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise Ambiguous(f"{query!r} fits {len(matches)} documents: " + ", ".join(d.id for d in matches),
                        [d.id for d in matches])
    raise NotFound(f"no document matches {query!r}", suggest_documents(store, query))


def _by_citation(store: Store, query: str) -> list[Document]:
    """The documents a citation written as `query` can mean, looked up through the store's search
    index by the citation's number and code (or its words), then checked field by field."""
    cits = find(_expand(query), "<query>", Roster.load(), Registry.load())
    if not cits:
        return []
    c = cits[0]
    if c.kind in (MentionKind.FULL, MentionKind.CODE):
        ck, n = code_key(c.code), c.number.lstrip("0")
        hits = [d for d in _indexed(store, _number_words(c.number), tokens(index_fold(c.code)))
                if d.code and code_key(d.code) == ck and (d.number or "").lstrip("0") == n]
        if c.date:
            hits = [d for d in hits if c.date in d.dates_seen or d.date == c.date] or hits
        return hits
    if c.kind is MentionKind.SHORT:
        n = c.number.lstrip("0")
        hits = [d for d in _indexed(store, _number_words(c.number), tokens(index_fold(c.type)))
                if d.type == c.type and (d.number or "").lstrip("0") == n]
        central = [d for d in hits if d.unit == "Trung ương"]
        return central if len(central) == 1 else hits
    target = fold(c.surface)
    return [d for d in _indexed(store, [], tokens(index_fold(c.surface))) if any(fold(a) == target for a in d.aliases)]


def _indexed(store: Store, numbers: list[str], words: list[str]) -> list[Document]:
    """Documents whose indexed words hold one of `numbers` (each form of the number as written)
    and as many of `words` as any does, in index order."""
    ids: dict[str, None] = {}
    for number in numbers or [None]:
        ranked = store.search_candidates(([number] if number else []) + words, "document", LOOKUP_CANDIDATES)
        best = max((hits for _, hits in ranked), default=0)
        ids.update((i, None) for i, hits in ranked if hits == best)
    found = store.documents_by_ids(list(ids))
    return [found[i] for i in ids if i in found]


def _number_words(number: str) -> list[str]:
    """"05" is indexed as written: look for 05 and 5."""
    bare = number.lstrip("0") or "0"
    return list(dict.fromkeys((number, bare, bare.zfill(2))))


def _expand(query: str) -> str:
    """"KL 01" -> "Kết luận 01"."""
    m = _ABBREVIATED.match(query)
    if m and m.group("abbr") in ABBREVIATION_TYPES:
        return f"{ABBREVIATION_TYPES[m.group('abbr')]} {m.group('number')}"
    return query
