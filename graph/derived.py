"""What queries derive from a resolved graph, computed the same way by every store.

Both stores build one `Derived` from the graph they are about to write and store the results
(document list rows, issuers, counts per unit, search tokens, statistics): the embedded store as
columns and tables of SQLite, the Neo4j store as properties, so that each question is answered
by key, with indexes, instead of loading (or sending) the whole graph.
"""
from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations, islice
from typing import Iterable

from .model import CARRY_OUT, Document, Edge, Level, Relation, Unit

_YEAR_IN_ID = re.compile(r"\.((?:19|20)\d\d)(?:-\d+)?$")
_TOKEN = re.compile(r"[^\W_]+")
LEVEL_ORDER = {lv.value: i for i, lv in enumerate(Level)}
DOCUMENT_FACETS = ("type", "unit", "province", "level", "year")
#: candidates the search index hands to the fuzzy scorers at most
SEARCH_CANDIDATES = 500


def fold(text: str | None) -> str:
    """Accent-free, case-free key for comparing what people type: "Tủa Chùa" ~ "tua chua"."""
    if not text:
        return ""
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold().replace("đ", "d"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def tokens(folded: str) -> list[str]:
    """The words of a folded text for the search index: letters and digits ("05-ct/tw" -> 05, ct, tw)."""
    return _TOKEN.findall(folded)


def label(doc: Document) -> str:
    """"Kế hoạch số 47-KH/HU" / "Nghị quyết Đại hội ..." — how people write it."""
    if doc.number and doc.code:
        return f"{doc.type} số {doc.number}{doc.sep or '-'}{doc.code}"
    if doc.number:
        return f"{doc.type} số {doc.number}"
    return doc.aliases[0] if doc.aliases else doc.type


def document_year(doc: Document) -> int | None:
    for d in (doc.date, *doc.dates_seen):
        if d and d[:4].isdigit():
            return int(d[:4])
    m = _YEAR_IN_ID.search(doc.id)
    return int(m.group(1)) if m else None


def document_row(doc: Document, unit: Unit | None) -> dict:
    """A document as lists show it: its label, date, year and issuing unit."""
    return {"id": doc.id, "label": label(doc), "type": doc.type, "number": doc.number, "code": doc.code,
            "date": doc.date, "year": document_year(doc),
            "unit": unit.name if unit else doc.unit, "unit_id": unit.id if unit else None,
            "level": unit.level.value if unit else None,
            "province": (unit.province if unit else doc.province),
            "subject": doc.subject, "flags": list(doc.flags)}


def document_key(row: dict) -> tuple:
    return (0, row["date"], row["id"]) if row["date"] else (1, "", row["id"])


def sort_key(row: dict) -> str:
    """`document_key` as one string that sorts the same (for a server's ORDER BY)."""
    k = document_key(row)
    return f"{k[0]} {k[1]} {k[2]}"


def flag_keys(flags: Iterable[str]) -> list[str]:
    """Every flag and every prefix of it before a colon: `flag` filters match `f == flag or
    f.startswith(flag + ":")`."""
    out = set()
    for f in flags:
        parts = f.split(":")
        for i in range(1, len(parts) + 1):
            out.add(":".join(parts[:i]))
    return sorted(out)


def doc_names(doc: Document, row: dict) -> list[str]:
    """Folded short names of a document, for fuzzy matching: label, id, aliases, number-code."""
    names = {row["label"], doc.id, *doc.aliases}
    if doc.number and doc.code:
        names.add(f"{doc.number}{doc.sep or '-'}{doc.code}")
    return sorted({fold(n) for n in names if n})


def doc_text(doc: Document, row: dict) -> str:
    """Folded text whose words a search may name: label, id, aliases, subject, unit, issuer."""
    return fold(" ".join(filter(None, (row["label"], doc.id, *doc.aliases, doc.subject, row["unit"], doc.issuer))))


def unit_names(unit: Unit) -> list[str]:
    return [fold(unit.name), unit.id]


def search_tokens(names: Iterable[str], text: str = "") -> list[str]:
    """The distinct tokens the search index keeps for a node."""
    out = set(tokens(text))
    for n in names:
        out.update(tokens(n))
    return sorted(out)


def issuers_of(docs: Iterable[Document], units: dict[str, Unit], edges: Iterable[Edge]) -> dict[str, Unit]:
    """The issuing unit of each document: among the ISSUED edges into it from a unit, the first in
    the order `Store.edges_to` gives (grouped by source in the order each source's first edge
    into it appears, then by position), else the unit named by `issuer_unit` when the graph has it."""
    first: dict[tuple, int] = {}
    best: dict[str, tuple] = {}
    for i, e in enumerate(edges):
        pn = first.setdefault((e.source, e.target), i)
        if e.relation is Relation.ISSUED and e.source in units:
            k = (pn, i)
            if e.target not in best or k < best[e.target][0]:
                best[e.target] = (k, units[e.source])
    out = {}
    for d in docs:
        u = best[d.id][1] if d.id in best else (units.get(d.issuer_unit) if d.issuer_unit else None)
        if u is not None:
            out[d.id] = u
    return out


class Posting:
    """The nodes a query token matches: a sorted list, and a set made only when an intersection
    needs one (a common word's set costs tens of milliseconds to build at 1M documents)."""

    __slots__ = ("nodes", "_set")

    def __init__(self, nodes: list[int]):
        self.nodes = nodes
        self._set: frozenset | None = None

    @property
    def set(self) -> frozenset:
        if self._set is None:
            self._set = frozenset(self.nodes)
        return self._set

    def __contains__(self, n: int) -> bool:
        if self._set is not None:
            return n in self._set
        i = bisect.bisect_left(self.nodes, n)
        return i < len(self.nodes) and self.nodes[i] == n


class TokenIndex:
    """An inverted index: token -> positions (`n`) of the nodes whose keys hold it, documents
    first, then units. A query token matches the same token, or, when no node holds it, every
    token it is a prefix of (a word typed in part)."""

    def __init__(self, postings: dict[str, list[int]]):
        self.postings = postings  # sorted lists
        self.vocab = sorted(postings)
        self._matched: dict[str, Posting] = {}

    def posting(self, token: str) -> list[int]:
        """The sorted node positions of one token of the index."""
        return self.postings[token]

    def expand(self, token: str) -> list[str]:
        """The tokens of the index a query token matches: itself, else those it begins."""
        if token in self.postings:
            return [token]
        i = bisect.bisect_left(self.vocab, token)
        out = []
        while i < len(self.vocab) and self.vocab[i].startswith(token):
            out.append(self.vocab[i])
            i += 1
        return out

    def matched(self, token: str) -> Posting:
        """The nodes a query token matches (remembered)."""
        hit = self._matched.get(token)
        if hit is None:
            found = self.expand(token)
            if len(found) == 1:
                ns = self.posting(found[0])
            else:
                ns = sorted(set().union(*(self.posting(t) for t in found))) if found else []
            if len(self._matched) > 4096:
                self._matched.clear()
            hit = self._matched[token] = Posting(ns)
        return hit

    def candidates(self, query_tokens: list[str], limit: int) -> list[tuple[int, int]]:
        """(n, how many distinct query tokens the node matches) for the nodes that match at least
        one, most first, then by n; the first `limit` of them."""
        return top_candidates([self.matched(t) for t in dict.fromkeys(query_tokens)], limit)


def top_candidates(matched: list[Posting], limit: int) -> list[tuple[int, int]]:
    """The first `limit` nodes by (-hits, n), level by level: the nodes every token matches, then
    those all but one match ... so that common words ("kế hoạch") cost no more than the rare
    ones require: each combination of tokens gives only its `need` smallest nodes."""
    matched = [m for m in matched if m.nodes]
    k = len(matched)
    out: list[tuple[int, int]] = []
    if not k or limit <= 0:
        return out
    if k > 6:  # long queries: count
        hits: Counter = Counter()
        for m in matched:
            hits.update(m.nodes)
        return sorted(hits.items(), key=lambda r: (-r[1], r[0]))[:limit]
    taken: set[int] = set()
    for level in range(k, 1, -1):
        need = limit - len(out)
        picked: set[int] = set()
        for combo in combinations(range(k), level):
            picked.update(_smallest_in_all([matched[i] for i in combo], need, taken))
        for n in sorted(picked)[:need]:  # the smallest of the union are among each part's smallest
            out.append((n, level))
            taken.add(n)
        if len(out) >= limit:
            return out
    for n in heapq.merge(*(m.nodes for m in matched)):
        if n not in taken:
            taken.add(n)
            out.append((n, 1))
            if len(out) >= limit:
                break
    return out


#: nodes of a combination's rarest token read one by one before a set intersection is cheaper
SCAN_FIRST = 20_000


def _smallest_in_all(combo: list[Posting], need: int, taken: set[int]) -> list[int]:
    """The `need` smallest nodes every token of `combo` matches, leaving out `taken`, ascending:
    read in order from the rarest token's sorted list (common words match together, so this
    stops early); where that does not suffice, one intersection of the sets."""
    combo = sorted(combo, key=lambda m: len(m.nodes))
    first, others = combo[0].nodes, combo[1:]
    out = []
    for n in islice(first, SCAN_FIRST):
        if n not in taken and all(n in found for found in others):
            out.append(n)
            if len(out) == need:
                return out
    if len(first) <= SCAN_FIRST:
        return out
    common = combo[0].set.intersection(*(m.set for m in others)) - taken
    return sorted(common)[:need] if len(common) < 8 * need else heapq.nsmallest(need, common)


class Derived:
    """Every view the queries need, from one resolved graph (documents, units, edges in store
    order; mentions optional: only statistics need them)."""

    def __init__(self, documents: Iterable[Document], units: Iterable[Unit], edges: Iterable[Edge]):
        docs = list(documents)
        edges = list(edges)
        self.docs: dict[str, Document] = {d.id: d for d in docs}
        self.units: dict[str, Unit] = {u.id: u for u in units}
        self.issuers: dict[str, Unit] = issuers_of(docs, self.units, edges)
        self.rows = sorted((document_row(d, self.issuers.get(d.id)) for d in docs), key=document_key)
        self.row = {r["id"]: r for r in self.rows}
        self.names = {d.id: doc_names(d, self.row[d.id]) for d in docs}
        self.text = {d.id: doc_text(d, self.row[d.id]) for d in docs}
        self.issued: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            if r["unit_id"]:
                self.issued[r["unit_id"]].append(r["id"])
        self.carried_out: dict[str, set[str]] = defaultdict(set)  # unit id -> directives carried out
        self.relations: Counter = Counter()
        for e in edges:
            self.relations[e.relation.value] += 1
            if e.relation in CARRY_OUT:
                who = self.units.get(e.source) or self.issuers.get(e.source)
                if who:
                    self.carried_out[who.id].add(e.target)
        # search: nodes numbered documents first, then units (as a server store numbers them)
        self.order: list[str] = [d.id for d in docs] + list(self.units)
        self.n_docs = len(docs)
        doc_postings: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(docs):
            for t in search_tokens(self.names[d.id], self.text[d.id]):
                doc_postings[t].append(i)
        unit_postings: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(self.units.values(), len(docs)):
            for t in search_tokens(unit_names(u)):
                unit_postings[t].append(i)
        self.tokens = {"document": TokenIndex(dict(doc_postings)), "unit": TokenIndex(dict(unit_postings))}

    def postings(self) -> dict[str, list[int]]:
        """The whole search index: token -> positions of documents, then of units."""
        out = {t: list(ns) for t, ns in self.tokens["document"].postings.items()}
        for t, ns in self.tokens["unit"].postings.items():
            out.setdefault(t, []).extend(ns)
        return out

    def candidates(self, query_tokens: list[str], kind: str | None, limit: int) -> list[tuple[int, int]]:
        return kind_candidates(self.tokens, query_tokens, kind, limit)

    def unit_counts(self, unit_id: str) -> tuple[int, int]:
        return len(self.issued.get(unit_id, ())), len(self.carried_out.get(unit_id, ()))

    def most_implemented(self, top: int = 10) -> list[tuple[str, int]]:
        implemented: Counter = Counter()
        for targets in self.carried_out.values():
            for t in targets:
                implemented[t] += 1
        return [(d, n) for d, n in sorted(implemented.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
                if d in self.row]

    def counts(self, mentions: int, files: int, resolutions: dict) -> dict:
        """The counts of `graph.queries.stats` (the most implemented as [id, units]), given those of
        the mentions."""
        n = mentions
        flags = Counter(f.split(":", 1)[0] for r in self.rows for f in r["flags"])
        return {"documents": len(self.rows), "units": len(self.units), "edges": sum(self.relations.values()),
                "mentions": n, "files": files, "relations": dict(sorted(self.relations.items())),
                "resolutions": dict(sorted(resolutions.items())), "flags": dict(sorted(flags.items())),
                "facets": facet_counts(self.rows, DOCUMENT_FACETS, top=100),
                "most_implemented": [list(x) for x in self.most_implemented()]}


def kind_candidates(indexes: dict[str, TokenIndex], query_tokens: list[str], kind: str | None,
                    limit: int) -> list[tuple[int, int]]:
    """`TokenIndex.candidates` over the documents, the units or (kind None) both (`indexes`: a
    TokenIndex per kind)."""
    if kind is not None:
        return indexes[kind].candidates(query_tokens, limit)
    both = indexes["document"].candidates(query_tokens, limit) + indexes["unit"].candidates(query_tokens, limit)
    return sorted(both, key=lambda r: (-r[1], r[0]))[:limit]


def facet_counts(rows: list[dict], names: Iterable[str], top: int = 50) -> dict:
    out = {}
    for name in names:
        counts = Counter(r.get(name) for r in rows if r.get(name) is not None)
        out[name] = facet_list(counts, top)
    return out


def facet_list(counts, top: int = 50) -> list[dict]:
    return [{"value": v, "count": n} for v, n in sorted(dict(counts).items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]]


def same(value: str | None, wanted: str | None) -> bool:
    return wanted is None or fold(value) == fold(wanted)


def filter_rows(rows: Iterable[dict], f: dict, text: dict[str, str] | None = None) -> list[dict]:
    """Document rows that pass the filters of `graph.queries.documents` (`f`: type, unit, province,
    level, year_from, year_to, flag, words)."""
    out = list(rows)
    if f.get("type"):
        out = [r for r in out if same(r["type"], f["type"])]
    if f.get("unit"):
        out = [r for r in out if r["unit_id"] == f["unit"] or same(r["unit"], f["unit"])]
    if f.get("province"):
        out = [r for r in out if same(r["province"], f["province"])]
    if f.get("level"):
        out = [r for r in out if r["level"] == f["level"]]
    if f.get("year_from") is not None:
        out = [r for r in out if r["year"] is not None and r["year"] >= f["year_from"]]
    if f.get("year_to") is not None:
        out = [r for r in out if r["year"] is not None and r["year"] <= f["year_to"]]
    if f.get("flag"):
        out = [r for r in out if any(x == f["flag"] or x.startswith(f["flag"] + ":") for x in r["flags"])]
    if f.get("words") and text is not None:
        out = [r for r in out if all(w in text[r["id"]] for w in f["words"])]
    return out
