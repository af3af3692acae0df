"""Questions users ask, as free functions over a `Store`: store first, plain values back."""
from __future__ import annotations

from collections import deque
from typing import Iterator

from .codec import to_dict
from .model import CARRY_OUT, Document, Edge, Relation, Unit
from .store import Store


def implementers(store: Store, doc_id: str, *, transitive: bool = False) -> list[dict]:
    """Units that carried out `doc_id`: through a document that implements it (and, with
    `transitive`, through chains of plans and successor directives) or by activity."""
    directive = store.document(doc_id)
    if directive is None:
        return []
    own = directive.issuer_unit
    rows: dict[tuple, dict] = {}
    for edge, via, depth in _carrying_out(store, doc_id, transitive):
        row = _row(store, edge, via, depth)
        if row and row["unit_id"] != own:
            rows.setdefault((row["unit_id"], row["document"]), row)
    return sorted(rows.values(), key=lambda r: (r["depth"], r["date"] or "9999", r["unit"]))


def _carrying_out(store: Store, doc_id: str, transitive: bool) -> Iterator[tuple[Edge, str, int]]:
    """(edge into a directive, the directive, depth) for every implementing edge reached."""
    seen, queue = {doc_id}, deque([(doc_id, 0)])
    relations = CARRY_OUT + (Relation.GUIDES,) if transitive else (Relation.IMPLEMENTS, Relation.GUIDES)
    while queue:
        target, depth = queue.popleft()
        for edge in store.edges_to(target, relations):
            yield edge, target, depth
            if transitive and edge.source not in seen and store.document(edge.source):
                seen.add(edge.source)
                queue.append((edge.source, depth + 1))


def _row(store: Store, edge: Edge, via: str, depth: int) -> dict | None:
    doc = store.document(edge.source)
    if doc is None:
        unit = store.unit(edge.source)
        return _unit_row(unit, None, edge, via, depth) if unit else None
    unit = issuer(store, doc.id)
    return _unit_row(unit, doc, edge, via, depth) if unit else None


def _unit_row(unit: Unit, doc: Document | None, edge: Edge, via: str, depth: int) -> dict:
    return {"unit": unit.name, "unit_id": unit.id, "level": unit.level.value, "province": unit.province,
            "document": doc.id if doc else None, "document_label": label(doc) if doc else None,
            "relation": edge.relation.value, "date": doc.date if doc else None, "via": via, "depth": depth,
            "confidence": edge.confidence, "evidence": to_dict(edge.evidence)}


def issuer(store: Store, doc_id: str) -> Unit | None:
    for edge in store.edges_to(doc_id, (Relation.ISSUED,)):
        unit = store.unit(edge.source)
        if unit:
            return unit
    doc = store.document(doc_id)
    return store.unit(doc.issuer_unit) if doc and doc.issuer_unit else None


def label(doc: Document) -> str:
    """"Kế hoạch số 47-KH/HU" / "Nghị quyết Đại hội ..." — how people write it."""
    if doc.number and doc.code:
        return f"{doc.type} số {doc.number}{doc.sep or '-'}{doc.code}"
    if doc.number:
        return f"{doc.type} số {doc.number}"
    return doc.aliases[0] if doc.aliases else doc.type


def export_rows(store: Store) -> Iterator[dict]:
    """The whole graph as the JSON lines of `directives export`."""
    for d in store.documents():
        yield {"kind": "document", "id": d.id, "type": d.type, "number": d.number, "code": d.code,
               "sep": d.sep, "unit": d.unit, "province": d.province, "date": d.date,
               "dates_seen": list(d.dates_seen), "subject": d.subject, "aliases": list(d.aliases),
               "issuer": d.issuer, "issuer_unit": d.issuer_unit, "flags": list(d.flags)}
    for u in store.units():
        yield {"kind": "unit", "id": u.id, "name": u.name, "level": u.level.value, "province": u.province,
               "parent": u.parent}
    for e in store.edges():
        yield {"kind": "edge", "source": e.source, "target": e.target, "relation": e.relation.value,
               "confidence": e.confidence, "evidence": to_dict(e.evidence)}
    for m in store.mentions():
        yield {"kind": "mention", "file": m.file, "line": m.line, "col": m.col, "surface": m.surface,
               "document": m.document, "resolution": m.resolution, "mention_kind": m.kind.value,
               **({"candidates": list(m.candidates)} if m.candidates else {})}
