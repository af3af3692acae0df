"""Questions users ask, as free functions over a `Store`: store first, plain values back.

Every question fetches what it needs by key through the store's query-support methods
(`graph.store.Store`: documents, rows, units and issuers by ids, traversals, filtered and paged
lists, counts, the search index); none loads the whole graph, so on a server store (Neo4j) only
the answer travels. Export, the data-quality report and `files` scan the whole graph: they
stream it."""
from __future__ import annotations

import base64
import bisect
import json
import threading
import weakref
from collections import Counter, defaultdict, deque
from datetime import date as _date
from typing import Iterable, Iterator

from rapidfuzz import fuzz, process

from .codec import to_dict
from .derived import (DOCUMENT_FACETS, LEVEL_ORDER, SEARCH_CANDIDATES, TokenIndex, document_key, document_row,
                      document_year, facet_counts, fold, label, search_tokens, tokens, unit_names)
from .derived import same as _same
from .errors import InputError, NotFound
from .model import CARRY_OUT, Document, Edge, Level, Mention, Relation, Unit
from .store import Store

__all__ = ["fold", "label", "document_row", "document_year", "document_key", "facet_counts", "DOCUMENT_FACETS",
           "LEVEL_ORDER"]


class _Nodes:
    """The document rows, documents and units a question needs, fetched in batches."""

    def __init__(self, store: Store):
        self.store = store
        self.row: dict[str, dict] = {}
        self.units: dict[str, Unit] = {}
        self._missing: set[str] = set()

    def load(self, ids: Iterable[str]) -> "_Nodes":
        want = [i for i in dict.fromkeys(ids) if i not in self.row and i not in self.units and i not in self._missing]
        if want:
            rows = self.store.document_rows(want)
            self.row.update(rows)
            rest = [i for i in want if i not in rows]
            units = self.store.units_by_ids(rest) if rest else {}
            self.units.update(units)
            self._missing.update(i for i in rest if i not in units)
        return self


def implementers(store: Store, doc_id: str, *, transitive: bool = False) -> list[dict]:
    """Units that carried out `doc_id`: through a document that implements it (and, with
    `transitive`, through chains of plans and successor directives) or by activity."""
    directive = store.document(doc_id)
    if directive is None:
        return []
    # a unit does not carry out its own document, but a committee carries out its congress's resolution
    own = None if (directive.issuer or "").startswith("Đại hội") else directive.issuer_unit
    relations = CARRY_OUT + (Relation.GUIDES,) if transitive else (Relation.IMPLEMENTS, Relation.GUIDES)
    # the edges into everything reachable, fetched where the graph lives (one statement per level)
    into = store.neighbourhood(doc_id, None if transitive else 0, relations, "in")
    sources = list(dict.fromkeys(e.source for edges in into.values() for e in edges))
    docs = store.document_rows(sources)  # list rows: label, date and issuing unit, no Document decoded
    units = store.units_by_ids([s for s in sources if s not in docs])
    rows: dict[tuple, dict] = {}
    for edge, via, depth in _carrying_out(into, doc_id, transitive, docs):
        row = _implementer_row(docs.get(edge.source), units.get(edge.source), edge, via, depth)
        if row and row["unit_id"] != own:
            rows.setdefault((row["unit_id"], row["document"]), row)
    return sorted(rows.values(), key=lambda r: (r["depth"], r["date"] or "9999", r["unit"]))


def _carrying_out(into: dict[str, list[Edge]], doc_id: str, transitive: bool, docs) -> Iterator[tuple[Edge, str, int]]:
    """(edge into a directive, the directive, depth) for every implementing edge reached."""
    seen, queue = {doc_id}, deque([(doc_id, 0)])
    while queue:
        target, depth = queue.popleft()
        for edge in into.get(target, []):
            yield edge, target, depth
            if transitive and edge.source not in seen and edge.source in docs:
                seen.add(edge.source)
                queue.append((edge.source, depth + 1))


_VALUE = {m: m.value for enum in (Relation, Level) for m in enum}  # `Enum.value` is slow on hot paths


def _implementer_row(doc: dict | None, unit: Unit | None, edge: Edge, via: str, depth: int) -> dict | None:
    """One implementer: the issuer of the source document (`doc`, its list row), or the source
    `unit` itself (activity); None when neither is known."""
    if doc is not None:
        if doc["unit_id"] is None:
            return None
        who = (doc["unit"], doc["unit_id"], doc["level"], doc["province"], doc["id"], doc["label"], doc["date"])
    elif unit is not None:
        who = (unit.name, unit.id, _VALUE[unit.level], unit.province, None, None, None)
    else:
        return None
    ev = edge.evidence
    return {"unit": who[0], "unit_id": who[1], "level": who[2], "province": who[3], "document": who[4],
            "document_label": who[5], "relation": _VALUE[edge.relation], "date": who[6], "via": via, "depth": depth,
            "confidence": edge.confidence, "evidence": {"file": ev.file, "line": ev.line, "text": ev.text}}


def export_rows(store: Store) -> Iterator[dict]:
    """The whole graph as the JSON lines of `directives export` (streamed from the store)."""
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


# =====================================================================================
# The questions the HTTP API asks (api/ only presents these). Store first, plain values
# back. Lists come as pages: {"items", "total", "next_cursor", "facets", "limit"}, in a
# fixed order, with an opaque cursor that names the last item served, so a page stays
# right when documents are added between two requests.
# =====================================================================================

MAX_LIMIT = 1000
#: relations followed from a plan up to what it carries out, and down from a directive
UP = (Relation.IMPLEMENTS, Relation.CONTINUES, Relation.GUIDES)
DOWN = (Relation.IMPLEMENTS, Relation.CONTINUES, Relation.GUIDES, Relation.INSPECTS, Relation.AMENDS)
UNIT_FACETS = ("level", "province", "kind")
QUALITY_ISSUES = ("fuzzy-citation", "ambiguous-citation", "unresolved-citation", "conflicting-dates",
                  "garbled-code", "registry-date", "dated-before-target", "unknown-issuer", "unit-not-in-roster")


# --- cursors and pages ---------------------------------------------------------------

def encode_cursor(key: tuple) -> str:
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise InputError(f"invalid cursor {cursor!r}: use the `next` link of the previous page") from None
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        raise InputError(f"invalid cursor {cursor!r}: use the `next` link of the previous page")
    return tuple(value)


def paginate(rows: list[dict], key, cursor: str | None, limit: int, facets: Iterable[str] | dict = ()) -> dict:
    """One page of `rows` (already sorted by `key`) after `cursor`, with facet counts over all rows
    (`facets`: the names to count, or counts already made)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    start = 0
    if cursor:
        after = decode_cursor(cursor)
        try:
            start = bisect.bisect_right(rows, after, key=key)
        except TypeError:
            raise InputError(f"cursor {cursor!r} does not belong to this list") from None
    page = rows[start:start + limit]
    more = start + limit < len(rows)
    return {"items": page, "total": len(rows), "limit": limit,
            "next_cursor": encode_cursor(key(page[-1])) if more and page else None,
            "facets": facets if isinstance(facets, dict) else facet_counts(rows, facets)}


# --- answers remembered per store and graph version --------------------------------------------

_CACHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def _cache(store: Store) -> dict:
    """A small dict of answers (source lines, the quality report, statistics) for `store`'s current
    graph: emptied when the graph is replaced (by any process, for a server store)."""
    version = store.graph_version()
    with _CACHE_LOCK:
        try:
            entry = _CACHES.get(store)
        except TypeError:  # a store that cannot be weakly referenced: no cache
            return {}
        if entry is not None and (entry[0] is version or entry[0] == version):
            return entry[1]
        fresh: dict = {}
        _CACHES[store] = (version, fresh)
        return fresh


def invalidate(store: Store) -> None:
    """Forget the answers remembered for `store` (call after a write)."""
    with _CACHE_LOCK:
        try:
            _CACHES.pop(store, None)
        except TypeError:
            pass


def warm(store: Store) -> None:
    """Derive what the questions need now (after an ingest), so the next reader does not wait."""
    stats(store)


def _line(store: Store, file: str, line: int) -> str | None:
    """Line `line` (1-based) of an ingested text, or None when the text is not kept."""
    lines_of = _cache(store).setdefault("lines", {})
    lines = lines_of.get(file)
    if lines is None:
        facts = store.facts(file) if file else None
        lines = facts.text.splitlines() if facts else []
        if len(lines_of) > 256:
            lines_of.clear()
        lines_of[file] = lines
    return lines[line - 1] if 0 < line <= len(lines) else None


# --- rows ---------------------------------------------------------------------------

def unit_row(unit: Unit, counts: tuple[int, int] | None = None, in_roster: bool = True) -> dict:
    """A unit as lists show it; `counts`: (documents it issued, directives it carried out)."""
    return {"id": unit.id, "name": unit.name, "level": unit.level.value, "province": unit.province,
            "parent": unit.parent, "kind": unit.kind or None, "valid_from": unit.valid_from,
            "valid_to": unit.valid_to, "in_roster": in_roster,
            "documents": counts[0] if counts else 0, "carried_out": counts[1] if counts else 0}


def unit_key(row: dict) -> tuple:
    return (0 if row["province"] is None else 1, row["province"] or "", LEVEL_ORDER.get(row["level"], 9),
            fold(row["name"]), row["id"])


def _days(later: str | None, earlier: str | None) -> int | None:
    if not (later and earlier):
        return None
    try:
        return (_date.fromisoformat(later) - _date.fromisoformat(earlier)).days
    except ValueError:
        return None


def _level(level: str | None) -> str | None:
    if level is None:
        return None
    try:
        return Level(level).value
    except ValueError:
        raise InputError(f"unknown level {level!r} ({', '.join(lv.value for lv in Level)})") from None


def _document(store: Store, doc_id: str) -> Document:
    doc = store.document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r}", suggest_documents(store, doc_id))
    return doc


def suggest_documents(store: Store, text: str, limit: int = 5) -> list[str]:
    """Ids of the documents nearest to `text` by id, label, code and aliases, accent-insensitive
    (among the documents the search index finds for its words)."""
    ids = [i for i, _ in store.search_candidates(tokens(fold(text)), "document", SEARCH_CANDIDATES)]
    keys = store.search_keys(ids)
    names = [(n, i) for i in ids if i in keys for n in keys[i][0]]
    hits = process.extract(fold(text), [n for n, _ in names], scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=50)
    return list(dict.fromkeys(names[i][1] for _, _, i in hits))[:limit]


def _evidence(edge: Edge) -> dict:
    return to_dict(edge.evidence)


def _context(store: Store, m: Mention, width: int = 160) -> str | None:
    line = _line(store, m.file, m.line)
    if line is None:
        return None
    if len(line) <= 2 * width + len(m.surface):
        return line
    start, end = max(0, m.col - width), min(len(line), m.col + len(m.surface) + width)
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")


# --- documents ----------------------------------------------------------------------

def documents(store: Store, *, type: str | None = None, unit: str | None = None, province: str | None = None,
              level: str | None = None, year_from: int | None = None, year_to: int | None = None,
              q: str | None = None, flag: str | None = None, cursor: str | None = None,
              limit: int = 50) -> dict:
    """Documents filtered by type, issuing unit (id or name), province, level of the issuing unit,
    year range, data-quality flag and free text (accent-insensitive, every word must occur);
    filtered, counted and paged by the store."""
    level = _level(level)
    limit = max(1, min(int(limit), MAX_LIMIT))
    filters = {k: v for k, v in (("type", type), ("unit", unit), ("province", province), ("level", level),
                                 ("year_from", year_from), ("year_to", year_to), ("flag", flag),
                                 ("words", fold(q).split() if q else None)) if v not in (None, "", [])}
    after = None
    if cursor:
        after = decode_cursor(cursor)
        if len(after) != 3 or not isinstance(after[0], int) or not all(isinstance(x, str) for x in after[1:]):
            raise InputError(f"cursor {cursor!r} does not belong to this list")
    got = store.document_list(filters, after, limit)
    page = got["rows"]
    return {"items": page, "total": got["total"], "limit": limit,
            "next_cursor": encode_cursor(document_key(page[-1])) if got["more"] and page else None,
            "facets": got["facets"]}


def document_detail(store: Store, doc_id: str, *, mentions_limit: int = 200) -> dict:
    """One document: its attributes, the variants seen (aliases, dates), its issuing unit,
    relations in and out with their evidence, and where texts cite it (file, line, sentence)."""
    doc = _document(store, doc_id)
    unit = store.issuers([doc.id]).get(doc.id)
    edges_in, edges_out = store.edges_to(doc.id), store.edges_from(doc.id)
    nodes = _Nodes(store).load([doc.id] + [e.source for e in edges_in] + [e.target for e in edges_out])
    incoming, outgoing = [], []
    for e in edges_in:
        src_doc, src_unit = nodes.row.get(e.source), nodes.units.get(e.source)
        incoming.append({"relation": e.relation.value, "source": e.source,
                         "source_kind": "document" if src_doc else "unit",
                         "source_label": src_doc["label"] if src_doc else (src_unit.name if src_unit else e.source),
                         "source_date": src_doc["date"] if src_doc else None,
                         "source_unit": src_doc["unit"] if src_doc else (src_unit.name if src_unit else None),
                         "confidence": e.confidence, "evidence": _evidence(e)})
    for e in edges_out:
        tgt = nodes.row.get(e.target)
        outgoing.append({"relation": e.relation.value, "target": e.target,
                         "target_label": tgt["label"] if tgt else e.target,
                         "target_date": tgt["date"] if tgt else None,
                         "target_unit": tgt["unit"] if tgt else None,
                         "confidence": e.confidence, "evidence": _evidence(e)})
    ms = store.mentions_of(doc.id)
    mentions = [{"file": m.file, "line": m.line, "col": m.col, "surface": m.surface, "kind": m.kind.value,
                 "resolution": m.resolution, "sentence": _context(store, m)}
                for m in ms[:max(0, mentions_limit)]]
    counts = store.unit_counts([unit.id]).get(unit.id) if unit else None
    return {**nodes.row[doc.id], "sep": doc.sep, "code_owner": doc.unit, "issuer": doc.issuer,
            "aliases": list(doc.aliases), "dates_seen": list(doc.dates_seen),
            "conflicting_dates": len(set(doc.dates_seen)) > 1,
            "issuing_unit": unit_row(unit, counts, True) if unit else None,
            "incoming": incoming, "outgoing": outgoing,
            "mentions": mentions, "mentions_total": len(ms),
            "files": sorted({m.file for m in ms})}


# --- implementers, coverage, chains ---------------------------------------------------

def _implementer_key(row: dict) -> tuple:
    return (row["depth"], row["date"] or "9999", fold(row["unit"]), row["unit_id"], row["document"] or "")


def implementers_report(store: Store, doc_id: str, *, transitive: bool = True, level: str | None = None,
                        province: str | None = None, cursor: str | None = None, limit: int = 100) -> dict:
    """Units that carried out `doc_id`, directly (depth 0) and through plans implementing plans
    and successor directives (depth > 0): each with its document, date, lag in days after the
    directive, and evidence; grouped by level and province."""
    directive = _document(store, doc_id)
    level = _level(level)
    rows = []
    found = implementers(store, directive.id, transitive=transitive)
    nodes = _Nodes(store).load([directive.id] + [r["via"] for r in found])
    for r in found:
        via = nodes.row.get(r["via"])
        rows.append({**r, "direct": r["depth"] == 0, "year": int(r["date"][:4]) if r["date"] else None,
                     "lag_days": _days(r["date"], directive.date),
                     "via_label": via["label"] if via else r["via"], "via_date": via["date"] if via else None,
                     "how": "document" if r["document"] else "activity"})
    if level:
        rows = [r for r in rows if r["level"] == level]
    if province:
        rows = [r for r in rows if _same(r["province"], province)]
    rows.sort(key=_implementer_key)
    groups: dict[tuple, dict] = {}
    for r in rows:
        g = groups.setdefault((r["level"], r["province"]), {"level": r["level"], "province": r["province"],
                                                             "count": 0, "units": []})
        g["count"] += 1
        if r["unit"] not in g["units"]:
            g["units"].append(r["unit"])
    page = paginate(rows, _implementer_key, cursor, limit, ("level", "province", "relation", "year", "how"))
    page["directive"] = nodes.row[directive.id]
    page["groups"] = sorted(groups.values(), key=lambda g: (LEVEL_ORDER.get(g["level"], 9), g["province"] or ""))
    page["units"] = len({r["unit_id"] for r in rows})
    return page


def _existed(unit: Unit, start: str | None, end: str | None) -> bool:
    if start is None:
        return True
    return (unit.valid_from is None or unit.valid_from <= end) and (unit.valid_to is None or unit.valid_to >= start)


def coverage(store: Store, doc_id: str, roster_units: Iterable[Unit], province: str | None = None,
             level: str | None = None, *, kind: str | None = None, status: str | None = None,
             on: str | None = None, cursor: str | None = None, limit: int = 200) -> dict:
    """Which units of the roster carried out `doc_id` and which did not, among the units that
    existed when it was issued (or on `on`), in `province` and at `level`. Without a province, a
    provincial directive is looked at in its own province; without province and level, a central
    one is looked at everywhere below the centre."""
    directive = _document(store, doc_id)
    level = _level(level)
    if status not in (None, "implemented", "not_implemented"):
        raise InputError(f"unknown status {status!r} (implemented, not_implemented)")
    if on is not None and _days(on, on) is None:
        raise InputError(f"invalid date {on!r} (YYYY-MM-DD)")
    own = store.issuers([directive.id]).get(directive.id)
    if province is None and own and own.province:
        province = own.province
    if on or directive.date:
        start = end = on or directive.date
    else:
        year = document_year(directive)
        start, end = (f"{year}-01-01", f"{year}-12-31") if year else (None, None)
    by_unit: dict[str, list[dict]] = defaultdict(list)
    for r in implementers(store, directive.id, transitive=True):
        by_unit[r["unit_id"]].append(r)

    def wanted(u: Unit) -> bool:
        if own and u.id == own.id:
            return False
        if province is None and level is None and u.level is Level.CENTRAL:
            return False
        return (_same(u.province, province) if province else True) and (level is None or u.level.value == level) \
            and (kind is None or fold(u.kind) == fold(kind))

    roster = {u.id: u for u in roster_units}
    candidates = [u for u in roster.values() if wanted(u)]
    existing = [u for u in candidates if _existed(u, start, end)]
    excluded = [u for u in candidates if not _existed(u, start, end)]
    items = []
    for u in existing:
        done = by_unit.get(u.id, [])
        docs = [{"document": r["document"], "label": r["document_label"], "date": r["date"],
                 "lag_days": _days(r["date"], directive.date), "relation": r["relation"], "via": r["via"],
                 "depth": r["depth"], "evidence": r["evidence"]} for r in done]
        dates = sorted(d["date"] for d in docs if d["date"])
        items.append({"unit_id": u.id, "unit": u.name, "level": u.level.value, "province": u.province,
                      "kind": u.kind or None, "valid_from": u.valid_from, "valid_to": u.valid_to,
                      "status": "implemented" if done else "not_implemented",
                      "first_date": dates[0] if dates else None,
                      "lag_days": _days(dates[0], directive.date) if dates else None, "documents": docs})
    existing_ids = {u.id for u in existing}
    outside = []
    known = store.units_by_ids([uid for uid in by_unit if uid not in existing_ids and uid not in roster])
    for uid, rs in by_unit.items():
        if uid in existing_ids:
            continue
        u = roster.get(uid) or known.get(uid)
        if u is None or not wanted(u):
            continue
        reason = "not in the roster" if uid not in roster else f"did not exist on {start}"
        outside.append({"unit_id": uid, "unit": u.name, "level": u.level.value, "province": u.province,
                        "reason": reason, "documents": [r["document"] for r in rs if r["document"]]})
    done_n = sum(1 for i in items if i["status"] == "implemented")
    summary = {"as_of": start if start == end else f"{start}/{end}" if start else None,
               "province": province, "level": level, "kind": kind, "units": len(items), "implemented": done_n,
               "not_implemented": len(items) - done_n, "ratio": round(done_n / len(items), 3) if items else None,
               "excluded": [{"unit_id": u.id, "unit": u.name, "valid_from": u.valid_from, "valid_to": u.valid_to}
                            for u in sorted(excluded, key=lambda u: u.id)],
               "outside_roster": sorted(outside, key=lambda o: o["unit_id"])}

    def key(i: dict) -> tuple:
        return (0 if i["status"] == "implemented" else 1, LEVEL_ORDER.get(i["level"], 9), fold(i["unit"]),
                i["unit_id"])

    if status:
        items = [i for i in items if i["status"] == status]
    items.sort(key=key)
    page = paginate(items, key, cursor, limit, ("status", "level", "province", "kind"))
    page["directive"] = store.document_rows([directive.id])[directive.id]
    page["summary"] = summary
    return page


def _dedup(edges: list[Edge]) -> list[Edge]:
    best: dict[tuple, Edge] = {}
    for e in edges:
        k = (e.source, e.target, e.relation)
        if k not in best or e.confidence > best[k].confidence:
            best[k] = e
    return list(best.values())


def chain_up(store: Store, doc_id: str, *, max_depth: int = 12, max_paths: int = 100) -> dict:
    """Every path from `doc_id` up through what it implements, continues or guides, to the
    documents that carry out nothing further: the directive(s) it ultimately carries out."""
    doc = _document(store, doc_id)
    paths: list[list[dict]] = []
    truncated = False
    above = store.neighbourhood(doc.id, max_depth, UP, "out")  # fetched where the graph lives
    index = _Nodes(store).load([doc.id] + [e.target for edges in above.values() for e in edges])

    def walk(node: str, steps: list[dict], seen: frozenset):
        nonlocal truncated
        if len(paths) >= max_paths:
            truncated = True
            return
        outs = [e for e in _dedup(above.get(node, [])) if e.target in index.row and e.target not in seen]
        if not outs or len(steps) >= max_depth:
            if steps:
                paths.append(steps)
            truncated = truncated or bool(outs)
            return
        for e in sorted(outs, key=lambda e: (e.relation.value, e.target)):
            step = {"document": index.row[e.target], "relation": e.relation.value, "from": e.source,
                    "confidence": e.confidence, "evidence": _evidence(e),
                    "lag_days": _days(index.row[e.source]["date"], index.row[e.target]["date"])}
            walk(e.target, steps + [step], seen | {e.target})

    walk(doc.id, [], frozenset({doc.id}))
    paths.sort(key=lambda p: (len(p), p[-1]["document"]["id"]))
    roots = list({p[-1]["document"]["id"]: p[-1]["document"] for p in paths}.values()) or [index.row[doc.id]]
    return {"document": index.row[doc.id],
            "paths": [{"steps": p, "root": p[-1]["document"], "central": p[-1]["document"]["level"] == "central"}
                      for p in paths],
            "roots": roots, "truncated": truncated}


def chain_down(store: Store, doc_id: str, *, depth: int = 6, max_nodes: int = 2000) -> dict:
    """The tree down from `doc_id`: what implements, continues, guides, inspects or amends it,
    and so on down; each document once, under the first (shallowest) parent that reaches it."""
    doc = _document(store, doc_id)
    below = store.neighbourhood(doc.id, max(0, depth), DOWN, "in")  # fetched where the graph lives
    index = _Nodes(store).load([doc.id] + [e.source for edges in below.values() for e in edges])
    root = {**_tree_node(index.row[doc.id]), "relation": None, "confidence": None, "evidence": None,
            "lag_days": None}
    seen, queue, count, truncated = {doc.id}, deque([(root, 0)]), 1, False
    while queue:
        node, d = queue.popleft()
        if d >= depth:
            truncated = truncated or any(e.source not in seen for e in below.get(node["id"], []))
            continue
        for e in sorted(_dedup(below.get(node["id"], [])), key=lambda e: (e.relation.value, e.source)):
            if e.source in seen:
                continue
            if count >= max_nodes:
                truncated = True
                break
            row = index.row.get(e.source)
            unit = index.units.get(e.source)
            if row is None and unit is None:
                continue
            seen.add(e.source)
            count += 1
            child = {**(_tree_node(row) if row else _unit_node(unit)), "relation": e.relation.value,
                     "confidence": e.confidence, "evidence": _evidence(e),
                     "lag_days": _days(row["date"], node["date"]) if row else None}
            node["children"].append(child)
            if row:
                queue.append((child, d + 1))
    return {"document": index.row[doc.id], "tree": root, "nodes": count, "truncated": truncated}


def _tree_node(row: dict) -> dict:
    return {"id": row["id"], "kind": "document", "label": row["label"], "date": row["date"], "unit": row["unit"],
            "level": row["level"], "province": row["province"], "children": []}


def _unit_node(unit: Unit) -> dict:
    return {"id": unit.id, "kind": "unit", "label": unit.name, "date": None, "unit": unit.name,
            "level": unit.level.value, "province": unit.province, "children": []}


# --- units ----------------------------------------------------------------------------

def _unit_rows(store: Store, units_in: list[tuple[Unit, bool]]) -> list[dict]:
    counts = store.unit_counts([u.id for u, _ in units_in])
    return [unit_row(u, counts.get(u.id), r) for u, r in units_in]


def units(store: Store, roster_units: Iterable[Unit] = (), *, level: str | None = None,
          province: str | None = None, kind: str | None = None, q: str | None = None,
          in_roster: bool | None = None, cursor: str | None = None, limit: int = 50) -> dict:
    """Units of the roster and those met in texts, with how many documents each issued and
    how many directives each carried out."""
    level = _level(level)
    words = tuple(fold(q).split()) if q else ()
    roster = {u.id: u for u in roster_units}
    everything = [(u, True) for u in roster.values()]
    if in_roster is not True:
        everything += [(u, False) for u in store.find_units(level=level, province=province, kind=kind, words=words)
                       if u.id not in roster]
    rows = [unit_row(u, None, r) for u, r in everything]
    rows = [r for r in rows if (level is None or r["level"] == level) and _same(r["province"], province)
            and _same(r["kind"], kind) and (in_roster is None or r["in_roster"] == in_roster)
            and all(w in fold(f"{r['name']} {r['id']}") for w in words)]
    rows.sort(key=unit_key)
    page = paginate(rows, unit_key, cursor, limit, UNIT_FACETS)
    counts = store.unit_counts([r["id"] for r in page["items"]])
    for r in page["items"]:
        c = counts.get(r["id"])
        r["documents"], r["carried_out"] = (c[0], c[1]) if c else (0, 0)
    return page


def find_unit(store: Store, ref: str, roster_units: Iterable[Unit] = ()) -> Unit:
    """A unit by id or by name (accent- and case-insensitive); NotFound suggests the nearest."""
    roster = {u.id: u for u in roster_units}
    if ref in roster:
        return roster[ref]
    unit = store.unit(ref)
    if unit is not None:
        return unit
    folded = fold(ref)
    named = [u for u in roster.values() if fold(u.name) == folded] + \
        [u for u in store.find_units(name=ref) if u.id not in roster]
    if len(named) == 1:
        return named[0]
    near = store.units_by_ids([i for i, _ in store.search_candidates(tokens(folded), "unit", SEARCH_CANDIDATES)])
    everything = list(roster.values()) + [u for u in near.values() if u.id not in roster]
    choices = {fold(u.name): u.id for u in everything} | {u.id: u.id for u in everything}
    hits = process.extract(folded, list(choices), scorer=fuzz.WRatio, limit=15, score_cutoff=50)
    raise NotFound(f"no unit {ref!r}", list(dict.fromkeys(choices[h[0]] for h in hits))[:5])


def unit_detail(store: Store, unit_id: str, roster_units: Iterable[Unit] = ()) -> dict:
    """One unit: its parent and children, the documents it issued and the directives it
    carried out (through which document, when, with evidence)."""
    roster_units = list(roster_units)
    roster = {u.id: u for u in roster_units}
    unit = find_unit(store, unit_id, roster_units)
    parent = None
    if unit.parent:
        parent = (roster[unit.parent], True) if unit.parent in roster else \
            next(((u, False) for u in store.units_by_ids([unit.parent]).values()), None)
    kids = [(u, True) for u in roster.values() if u.parent == unit.id] + \
        [(u, False) for u in store.find_units(parent=unit.id) if u.id not in roster]
    children = sorted(_unit_rows(store, kids), key=unit_key)
    issued = store.issued_by(unit.id)
    out_of = store.neighbourhood(issued, 0, CARRY_OUT, "out") if issued else {}
    own = store.edges_from(unit.id, CARRY_OUT)
    index = _Nodes(store).load(issued + [e.target for edges in out_of.values() for e in edges]
                               + [e.target for e in own])
    docs = [index.row[d] for d in issued]
    carried: list[dict] = []
    for d in docs:
        for e in _dedup(out_of.get(d["id"], [])):
            tgt = index.row.get(e.target)
            if tgt:
                carried.append({"directive": tgt, "document": d["id"], "document_label": d["label"],
                                "date": d["date"], "lag_days": _days(d["date"], tgt["date"]),
                                "relation": e.relation.value, "confidence": e.confidence, "evidence": _evidence(e)})
    for e in _dedup(own):
        tgt = index.row.get(e.target)
        if tgt:
            carried.append({"directive": tgt, "document": None, "document_label": None, "date": None,
                            "lag_days": None, "relation": e.relation.value, "confidence": e.confidence,
                            "evidence": _evidence(e)})
    carried.sort(key=lambda c: (c["directive"]["date"] or "9999", c["directive"]["id"], c["date"] or "9999"))
    counts = store.unit_counts([unit.id])
    return {**unit_row(unit, counts.get(unit.id), unit.id in roster),
            "parent_unit": _unit_rows(store, [parent])[0] if parent else None,
            "children": children, "issued": docs, "carried_out_directives": carried}


# --- search -----------------------------------------------------------------------------

def _fuzzy(query: str, choices: list[str], cutoff: float) -> dict[int, float]:
    """Index of each choice -> the best of: whole ratio, token-set ratio and (for queries of four
    letters or more) the ratio of the best-matching part, discounted a little."""
    best: dict[int, float] = {}
    scorers = [(fuzz.ratio, 1.0), (fuzz.token_set_ratio, 1.0)] + ([(fuzz.partial_ratio, 0.95)] if len(query) >= 4 else [])
    for scorer, weight in scorers:
        for _, score, i in process.extract(query, choices, scorer=scorer, limit=None, score_cutoff=cutoff / weight):
            best[i] = max(best.get(i, 0.0), score * weight)
    return best


_ROSTER_INDEXES: dict[tuple, tuple[list[Unit], TokenIndex]] = {}


def _roster_index(roster: list[Unit]) -> TokenIndex:
    """The search index of a roster (remembered: the API passes the same roster every time)."""
    key = tuple(u.id for u in roster)
    hit = _ROSTER_INDEXES.get(key)
    if hit is None or any(a is not b and a != b for a, b in zip(hit[0], roster)):
        postings: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(roster):
            for t in search_tokens(unit_names(u)):
                postings[t].append(i)
        if len(_ROSTER_INDEXES) > 8:
            _ROSTER_INDEXES.clear()
        hit = _ROSTER_INDEXES[key] = (list(roster), TokenIndex(dict(postings)))
    return hit[1]


def search(store: Store, q: str, roster_units: Iterable[Unit] = (), *, kind: str | None = None,
           cursor: str | None = None, limit: int = 20, cutoff: float = 80, exact: Iterable[str] = ()) -> dict:
    """Documents and units matching `q`: fuzzy (rapidfuzz) and accent-insensitive on names,
    codes and aliases; every word of `q` in a document's subject also matches. Results keep
    their exact Vietnamese. When nothing matches, `suggestions` holds the nearest. `exact`:
    ids of documents the caller knows `q` cites (scored 100).

    The candidates come from the search index (`Store.search_candidates`: the documents and units
    holding the most words of `q` as prefixes of their words, at most SEARCH_CANDIDATES of each
    kind); the fuzzy scorers and the word test run over those only."""
    if kind not in (None, "document", "unit"):
        raise InputError(f"unknown kind {kind!r} (document, unit)")
    folded = fold(q)
    if not folded:
        raise InputError("empty search: give a few letters of a document or a unit")
    qt = tokens(folded)
    roster = list(dict.fromkeys(roster_units))
    roster_ids = {u.id for u in roster}
    doc_ids: list[str] = []
    everything: dict[str, Unit] = {}
    if kind in (None, "document"):
        doc_ids = [i for i, _ in store.search_candidates(qt, "document", SEARCH_CANDIDATES)]
    if kind in (None, "unit"):
        for i, _ in _roster_index(roster).candidates(qt, SEARCH_CANDIDATES):
            everything[roster[i].id] = roster[i]
        found = [i for i, _ in store.search_candidates(qt, "unit", SEARCH_CANDIDATES) if i not in roster_ids]
        everything.update(store.units_by_ids(found))
    keys = store.search_keys(doc_ids) if doc_ids else {}
    doc_names = [(n, i) for i in doc_ids if i in keys for n in keys[i][0]]
    unit_names_ = [(fold(u.name), u.id) for u in everything.values()] + [(u_id, u_id) for u_id in everything]
    scores: dict[tuple[str, str], float] = {}

    def note(k: tuple[str, str], score: float):
        if score > scores.get(k, 0):
            scores[k] = score

    exact = [d for d in exact if d]
    if kind in (None, "document"):
        for i, score in _fuzzy(folded, [n for n, _ in doc_names], cutoff).items():
            note(("document", doc_names[i][1]), score)
        words = folded.split()
        for doc_id in doc_ids:
            if doc_id in keys and all(w in keys[doc_id][1] for w in words):
                note(("document", doc_id), 85.0)
    if kind in (None, "unit"):
        for i, score in _fuzzy(folded, [n for n, _ in unit_names_], cutoff).items():
            note(("unit", unit_names_[i][1]), score)

    def results(found: dict[tuple[str, str], float]) -> list[dict]:
        rows = store.document_rows([k[1] for k in found if k[0] == "document"])
        out = []
        for k, score in found.items():
            if k[0] == "document":
                r = rows.get(k[1])
                if r is None:
                    continue
                out.append({"kind": "document", "id": r["id"], "label": r["label"], "score": round(score, 1),
                            "date": r["date"], "unit": r["unit"], "level": r["level"], "province": r["province"],
                            "subject": r["subject"]})
            else:
                u = everything[k[1]]
                out.append({"kind": "unit", "id": u.id, "label": u.name, "score": round(score, 1), "date": None,
                            "unit": u.name, "level": u.level.value, "province": u.province, "subject": None})
        return out

    if exact and kind in (None, "document"):
        for doc_id in store.document_rows(exact):
            note(("document", doc_id), 100.0)
    rows = results(scores)

    def key(r: dict) -> tuple:
        return (-int(round(r["score"] * 10)), r["kind"], r["id"])

    rows.sort(key=key)
    page = paginate(rows, key, cursor, limit, ("kind", "level", "province"))
    page["query"] = q
    page["suggestions"] = []
    if not rows:
        near: dict[tuple[str, str], float] = {}
        if kind in (None, "document"):
            for i, score in _fuzzy(folded, [n for n, _ in doc_names], 50).items():
                k = ("document", doc_names[i][1])
                near[k] = max(score, near.get(k, 0))
        if kind in (None, "unit"):
            for i, score in _fuzzy(folded, [n for n, _ in unit_names_], 50).items():
                k = ("unit", unit_names_[i][1])
                near[k] = max(score, near.get(k, 0))
        best = dict(sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
        page["suggestions"] = results(best)
    return page


# --- subgraphs and export ----------------------------------------------------------------

def _node(index: _Nodes, node_id: str) -> dict | None:
    row = index.row.get(node_id)
    if row:
        return {"id": row["id"], "kind": "document", "label": row["label"], "type": row["type"], "date": row["date"],
                "year": row["year"], "unit": row["unit"], "level": row["level"], "province": row["province"],
                "flags": row["flags"]}
    unit = index.units.get(node_id)
    if unit:
        return {"id": unit.id, "kind": "unit", "label": unit.name, "type": None, "date": None, "year": None,
                "unit": unit.name, "level": unit.level.value, "province": unit.province, "flags": []}
    return None


def _all_nodes(store: Store, page: int = 500) -> Iterator[dict]:
    after = None
    while True:
        got = store.document_list({}, after, page)
        index = _Nodes(store)
        index.row.update({r["id"]: r for r in got["rows"]})
        for r in got["rows"]:
            yield _node(index, r["id"])
        if not got["more"] or not got["rows"]:
            break
        after = document_key(got["rows"][-1])
    index = _Nodes(store)
    for u in store.find_units():
        index.units[u.id] = u
        yield _node(index, u.id)


def subgraph(store: Store, node_id: str | None = None, depth: int = 1, filters: dict | None = None) -> dict:
    """The ego network of a document or unit up to `depth` steps (edges in either direction), or
    the whole graph when `node_id` is None, as {"nodes": [...], "edges": [...]}.

    `filters`: relations (list of relation names), min_confidence, type, province, level,
    year_from, year_to, units (False leaves units out), max_nodes (default 2000)."""
    f = dict(filters or {})
    index = _Nodes(store)
    relations = tuple(Relation(r) for r in f.get("relations") or ()) or None
    min_conf = float(f.get("min_confidence") or 0)
    level = _level(f.get("level"))
    max_nodes = int(f.get("max_nodes") or 2000)

    def keep(n: dict) -> bool:
        if n["kind"] == "unit" and f.get("units") is False:
            return False
        if f.get("type") and n["kind"] == "document" and not _same(n["type"], f["type"]):
            return False
        if f.get("province") and not _same(n["province"], f["province"]):
            return False
        if level and n["level"] != level:
            return False
        if n["kind"] == "document" and (f.get("year_from") is not None or f.get("year_to") is not None):
            if n["year"] is None or not (f.get("year_from") or 0) <= n["year"] <= (f.get("year_to") or 9999):
                return False
        return True

    def edge_ok(e: Edge) -> bool:
        return (relations is None or e.relation in relations) and e.confidence >= min_conf

    nodes: dict[str, dict] = {}
    edges: list[Edge] = []
    truncated = False
    if node_id is not None:
        center = _node(index.load([node_id]), node_id)
        if center is None:
            raise NotFound(f"no document or unit {node_id!r}", suggest_documents(store, node_id))
        nodes[node_id] = center
        frontier = [node_id]
        # edges of every node that may be expanded, fetched where the graph lives
        around = store.neighbourhood(node_id, max(0, depth) - 1, relations, "both") if depth > 0 else {}
        index.load(x for edges in around.values() for e in edges for x in (e.source, e.target))
        for _ in range(max(0, depth)):
            nxt = []
            for nid in frontier:
                for e in around.get(nid, []):
                    other = e.target if e.source == nid else e.source
                    if not edge_ok(e):
                        continue
                    if other not in nodes:
                        n = _node(index, other)
                        if n is None or not keep(n):
                            continue
                        if len(nodes) >= max_nodes:
                            truncated = True
                            continue
                        nodes[other] = n
                        nxt.append(other)
            frontier = nxt
        among = [e for e in store.edges_among(list(nodes)) if edge_ok(e)]  # in the order of store.edges()
        if len(nodes) <= 200:  # grouped by source in the order the nodes were reached
            position = {nid: i for i, nid in enumerate(nodes)}
            among.sort(key=lambda e: position[e.source])
        edges = among
    else:
        for n in _all_nodes(store):  # in list order, units last: read page by page until full
            if keep(n):
                if len(nodes) >= max_nodes:
                    truncated = True
                    break
                nodes[n["id"]] = n
        edges = [e for e in store.edges_among(list(nodes)) if edge_ok(e)]
    return {"center": node_id, "depth": depth if node_id is not None else None, "truncated": truncated,
            "nodes": list(nodes.values()),
            "edges": [{"source": e.source, "target": e.target, "relation": e.relation.value,
                       "confidence": e.confidence, "evidence": _evidence(e)} for e in edges]}


def subgraph_rows(sub: dict) -> Iterator[dict]:
    """A subgraph as JSON lines: one per node ("kind": document|unit) and one per edge."""
    for n in sub["nodes"]:
        yield {**n, "kind": n["kind"]}
    for e in sub["edges"]:
        yield {"kind": "edge", **e}


# --- statistics and data quality ----------------------------------------------------------

def stats(store: Store) -> dict:
    """Counts: documents (by type, year, province, level, flag), units, relations, mentions by how
    they were resolved, files; and the directives with the most implementing units."""
    cache = _cache(store)
    if "stats" in cache:
        return cache["stats"]
    counts = dict(store.graph_counts())
    top = [(d, n) for d, n in counts.pop("most_implemented")]
    rows = store.document_rows([d for d, _ in top])
    result = {**counts, "most_implemented": [{**rows[d], "implementing_units": n} for d, n in top if d in rows]}
    cache["stats"] = result
    return result


def _quality_key(item: dict) -> tuple:
    return (QUALITY_ISSUES.index(item["issue"]), item["document"] or item["unit_id"] or "", item["file"] or "",
            item["line"] or 0, item["surface"] or "")


def _date_forms(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    return list(dict.fromkeys(f"{dd}/{mm}/{y}" for dd in (d, d.lstrip("0")) for mm in (m, m.lstrip("0"))))


def _quality_items(store: Store, roster_units: Iterable[Unit] | None) -> list[dict]:
    """Every item of the quality report: one pass over the mentions and the documents (streamed
    from the store, page by page)."""
    items: list[dict] = []
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    labels: dict[str, str] = {}

    def add(kind: str, *, doc: str | None = None, unit_id: str | None = None, m: Mention | None = None,
            detail: str, candidates: list[str] | None = None, ev: dict | None = None):
        items.append({"issue": kind, "document": doc, "label": labels.get(doc) if doc else None,
                      "unit_id": unit_id, "file": m.file if m else (ev or {}).get("file"),
                      "line": m.line if m else (ev or {}).get("line"), "surface": m.surface if m else None,
                      "sentence": _context(store, m) if m else (ev or {}).get("text"),
                      "detail": detail, "candidates": candidates or []})

    fuzzy: list[Mention] = []
    for m in store.mentions():
        if m.document:
            by_doc[m.document].append(m)
        if m.resolution == "fuzzy":
            fuzzy.append(m)
        elif m.resolution == "ambiguous":
            add("ambiguous-citation", m=m, candidates=list(m.candidates),
                detail=f"“{m.surface}” fits {len(m.candidates)} documents; the text does not say which")
        elif m.resolution == "unresolved":
            add("unresolved-citation", m=m,
                detail=f"“{m.surface}” ({m.kind.value} form) fits no known document")
    fuzzy_rows = store.document_rows([m.document for m in fuzzy if m.document])
    labels.update({k: r["label"] for k, r in fuzzy_rows.items()})
    for m in fuzzy:
        r = fuzzy_rows.get(m.document)
        add("fuzzy-citation", doc=m.document, m=m,
            detail=f"“{m.surface}” was read as {r['label'] if r else m.document} by fuzzy matching")
    after = None
    while True:
        got = store.document_list({}, after, 1000)
        docs = store.documents_by_ids([r["id"] for r in got["rows"]])
        for r in got["rows"]:
            labels[r["id"]] = r["label"]
            doc = docs[r["id"]]
            ms = by_doc.get(doc.id, [])
            if len(set(doc.dates_seen)) > 1:
                for seen in doc.dates_seen:
                    forms = _date_forms(seen)
                    hits = [m for m in ms if any(f in (_line(store, m.file, m.line) or m.surface) for f in forms)]
                    detail = f"dated {', '.join(doc.dates_seen)} in different texts; kept {doc.date}"
                    for m in hits or [None]:
                        add("conflicting-dates", doc=doc.id, m=m, detail=f"{detail} (this one says {seen})")
            for flag in doc.flags:
                name, _, value = flag.partition(":")
                if name == "garbled-code":
                    hits = [m for m in ms if value and value.replace("/", "") in m.surface.replace(" ", "").replace("/", "")]
                    for m in hits or [None]:
                        add("garbled-code", doc=doc.id, m=m,
                            detail=f"code written {value}, read as {doc.code} ({r['label']})")
                elif name == "registry-date":
                    add("registry-date", doc=doc.id, m=ms[0] if ms else None,
                        detail=f"texts date it {', '.join(doc.dates_seen) or '?'}; the registry says {value}")
                elif name == "dated-before-target":
                    out = [e for e in store.edges_from(doc.id, CARRY_OUT)]
                    add("dated-before-target", doc=doc.id, ev=_evidence(out[0]) if out else None,
                        m=None if out else (ms[0] if ms else None),
                        detail=f"dated {doc.date}, before a document it is said to carry out")
            if not doc.issuer_unit and not doc.unit:
                add("unknown-issuer", doc=doc.id, m=ms[0] if ms else None, detail="no text says who issued it")
        if not got["more"] or not got["rows"]:
            break
        after = document_key(got["rows"][-1])
    if roster_units is not None:
        known = {u.id for u in roster_units}
        for u in store.find_units():
            if u.id not in known:
                first = next((e for e in store.edges_from(u.id)), None)
                if first is None:
                    issued = store.issued_by(u.id)
                    first = next((e for e in store.edges_to(issued[0], (Relation.ISSUED,))), None) if issued else None
                add("unit-not-in-roster", unit_id=u.id, ev=_evidence(first) if first else None,
                    detail=f"“{u.name}” is not in data/units.json")
    return items


def quality_report(store: Store, roster_units: Iterable[Unit] | None = None, *, issue: str | None = None,
                   file: str | None = None, document: str | None = None, cursor: str | None = None,
                   limit: int = 100) -> dict:
    """What an archivist would fix, each with evidence (file, line, the sentence): citations
    resolved by fuzzy matching, ambiguous or unresolved citations (short forms that fit no or
    several documents), documents with conflicting dates, garbled codes, dates that disagree with
    the registry, plans dated before what they implement, documents of unknown issuer, and
    units that are not in the roster. The whole graph is read once per graph version (streamed),
    then remembered."""
    if issue is not None and issue not in QUALITY_ISSUES:
        raise InputError(f"unknown issue {issue!r} ({', '.join(QUALITY_ISSUES)})")
    roster_units = list(roster_units) if roster_units is not None else None
    cache = _cache(store).setdefault("quality", {})
    key = tuple(sorted(u.id for u in roster_units)) if roster_units is not None else None
    items = cache.get(key)
    if items is None:
        items = _quality_items(store, roster_units)
        items.sort(key=_quality_key)
        if len(cache) > 4:
            cache.clear()
        cache[key] = items
    summary = dict(Counter(i["issue"] for i in items))
    if issue:
        items = [i for i in items if i["issue"] == issue]
    if file:
        items = [i for i in items if i["file"] == file]
    if document:
        items = [i for i in items if i["document"] == document]
    page = paginate(items, _quality_key, cursor, limit, ("issue", "file"))
    page["summary"] = {k: summary.get(k, 0) for k in QUALITY_ISSUES}
    return page


def files(store: Store) -> list[dict]:
    """The ingested texts: name, hash, how many citations each holds and of how many documents."""
    counts = store.mention_counts()
    return [{"file": f, "sha256": store.file_hash(f), "mentions": counts.get(f, (0, 0))[0],
             "documents": counts.get(f, (0, 0))[1]}
            for f in store.files()]


# --- for viz/: what answered a document, as a graph; the source text of a file ---------------

def implementation_graph(store: Store, doc_id: str, *, depth: int = 6, max_nodes: int = 2000, up: bool = True,
                         issuers: bool = True) -> dict:
    """What answered `doc_id`, as subgraph() shapes a graph: the documents (and units acting
    without a document) below it as chain_down finds them, up to `depth`; with `up`, the
    documents above it (what it carries out, up to the top); with `issuers`, the unit that issued
    each document; and every edge among them (the best of each source, target and relation,
    with its evidence). Each node has `hop`: steps below the document (negative above it; a
    unit has its document's). At most `max_nodes` nodes (`truncated` says when more were left).
    The edges come from `Store.neighbourhood` (one statement per level on a server)."""
    doc = _document(store, doc_id)
    below_of = store.neighbourhood(doc.id, max(0, depth), DOWN, "in")
    above_of = store.neighbourhood(doc.id, 12, UP, "out") if up else {}
    index = _Nodes(store).load([doc.id] + [e.source for edges in below_of.values() for e in edges]
                               + [e.target for edges in above_of.values() for e in edges])
    issuer_of = store.issuers(list(index.row)) if issuers else {}
    index.load(u.id for u in issuer_of.values())
    hop: dict[str, int] = {}
    truncated = False

    def add(node: str, h: int) -> bool:
        nonlocal truncated
        if node in hop:
            return True
        if len(hop) >= max_nodes:
            truncated = True
            return False
        hop[node] = h
        unit = issuer_of.get(node) if issuers else None
        if unit is not None and unit.id in index.units and unit.id not in hop and len(hop) < max_nodes:
            hop[unit.id] = h
        return True

    add(doc.id, 0)
    queue = deque([doc.id])
    while queue:
        node = queue.popleft()
        below = sorted(_dedup(below_of.get(node, [])), key=lambda e: (e.relation.value, e.source))
        below = [e for e in below if e.source in index.row or e.source in index.units]
        if hop[node] >= depth:
            truncated = truncated or any(e.source not in hop for e in below)
            continue
        for e in below:
            if e.source in hop:
                continue
            if not add(e.source, hop[node] + 1):
                break
            if e.source in index.row:
                queue.append(e.source)
    if up:
        queue = deque([doc.id])
        while queue:
            node = queue.popleft()
            if hop[node] <= -12:
                continue
            for e in sorted(_dedup(above_of.get(node, [])), key=lambda e: (e.relation.value, e.target)):
                if e.target in index.row and e.target not in hop and add(e.target, hop[node] - 1):
                    queue.append(e.target)
    nodes = [{**_node(index, n), "hop": h} for n, h in hop.items()]
    out_of = store.neighbourhood(list(hop), 0, None, "out")
    edges = [e for n in hop for e in _dedup(out_of.get(n, [])) if e.target in hop]
    return {"center": doc.id, "depth": depth, "truncated": truncated, "nodes": nodes,
            "edges": [{"source": e.source, "target": e.target, "relation": e.relation.value,
                       "confidence": e.confidence, "evidence": _evidence(e)} for e in edges]}


def source_text(store: Store, file: str) -> dict:
    """An ingested text as a citator shows it: the NFC text and every citation in it, with its
    span (`start`, `end` in the text; `line`, `col`), the document it was resolved to (id and
    label) and how (`resolution`; `candidates` when ambiguous). Spans are in text order and do
    not overlap."""
    facts = store.facts(file)
    if facts is None:
        near = process.extract(fold(file), {f: fold(f) for f in store.files()}, scorer=fuzz.WRatio, limit=5,
                               score_cutoff=50)
        raise NotFound(f"no ingested file {file!r}", [k for _, _, k in near])
    text = facts.text or ""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    ms = list(store.mentions(file))
    rows = store.document_rows({x for m in ms for x in (m.document, *m.candidates) if x})
    spans = []
    for m in ms:
        start = m.start
        if text[start:m.end] != m.surface:  # find it again from its line and column
            start = starts[m.line - 1] + m.col if 0 < m.line <= len(starts) else -1
            if text[start:start + len(m.surface)] != m.surface:
                start = text.find(m.surface)
        if start < 0 or not m.surface:
            continue
        row = rows.get(m.document) if m.document else None
        spans.append({"start": start, "end": start + len(m.surface), "line": m.line, "col": m.col,
                      "surface": m.surface, "document": m.document if row else None,
                      "label": row["label"] if row else None, "kind": m.kind.value, "resolution": m.resolution,
                      "candidates": [{"id": c, "label": rows[c]["label"] if c in rows else c}
                                     for c in m.candidates]})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    kept, end = [], -1
    for s in spans:
        if s["start"] >= end:
            kept.append(s)
            end = s["end"]
    return {"file": facts.file, "sha256": facts.sha256, "province": facts.province, "author": facts.author,
            "text": text, "lines": len(text.splitlines()), "mentions": kept,
            "documents": len({s["document"] for s in kept if s["document"]})}
