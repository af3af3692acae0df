"""The embedded store: SQLite on disk for durability, networkx in memory for queries.

Each text's facts are committed in a transaction of their own, and the resolved
graph is replaced in one transaction, so a kill at any point leaves a store that
opens with every text committed before it (and is marked stale until the graph
is rebuilt from those facts). Nothing is unpickled: rows are JSON.
"""
from __future__ import annotations

import bisect
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx

from . import codec
from .errors import StoreError
from .model import Document, Edge, Graph, Mention, TextFacts, Unit
from .derived import DOCUMENT_FACETS, Derived, document_key, facet_counts, filter_rows, fold, unit_names
from .store import breadth_first

SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (n INTEGER PRIMARY KEY, source TEXT, target TEXT, relation TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (n INTEGER PRIMARY KEY, file TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(json_extract(row, '$.document'));
"""
DB_NAME = "directives.sqlite"


class EmbeddedStore:
    def __init__(self, directory: str | os.PathLike, *, readonly: bool = False):
        """Open (create) the store of `directory`. A store that exists but cannot be written (a
        read-only mount or directory, a full disk) is opened for reading: queries answer, and
        every write raises StoreError saying why (`readonly_reason`)."""
        from .storelock import full, why, writable
        self.directory = Path(directory)
        self.readonly = readonly
        self.readonly_reason = "it is open read-only" if readonly else None
        path = self.directory / DB_NAME

        def open_readonly() -> sqlite3.Connection:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
            try:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return db
            except sqlite3.Error:
                db.close()
                wal = Path(f"{path}-wal")
                if (writable(self.directory) and not full(self.directory)) or (wal.exists() and wal.stat().st_size):
                    raise
            # a WAL store on a read-only medium or a full disk, whose shared-memory file cannot be
            # made: no log is pending (nothing can be written there), the file is complete as it is
            db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=30, check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db

        try:
            if readonly:
                if not path.exists():
                    raise StoreError(f"no store at {self.directory} (run `directives ingest` first)")
                self.db = open_readonly()
            else:
                try:
                    self.directory.mkdir(parents=True, exist_ok=True)
                    self.db = sqlite3.connect(f"file:{path}", uri=True, timeout=30, check_same_thread=False)
                    self.db.execute("PRAGMA journal_mode=WAL")
                    self.db.execute("PRAGMA synchronous=NORMAL")
                    self.db.executescript(SCHEMA)
                except (OSError, sqlite3.Error) as e:
                    if getattr(self, "db", None) is not None:
                        self.db.close()
                    if not path.exists():
                        raise StoreError(f"cannot create store at {self.directory}: {why(e, self.directory)}") from e
                    self.db = open_readonly()
                    self.readonly, self.readonly_reason = True, why(e, self.directory)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open store at {self.directory}: {why(e, self.directory)}") from e
        self._graph: nx.MultiDiGraph | None = None

    # --- facts -----------------------------------------------------------------
    def file_hash(self, file: str) -> str | None:
        row = self._one("SELECT sha256 FROM texts WHERE file = ?", (file,))
        return row[0] if row else None

    def put_facts(self, facts: TextFacts, encoded: str | None = None) -> None:
        row = encoded if encoded is not None else codec.dumps(facts)
        self._write([("INSERT OR REPLACE INTO texts (file, sha256, facts) VALUES (?, ?, ?)",
                      (facts.file, facts.sha256, row)),
                     ("INSERT OR REPLACE INTO meta VALUES ('stale', '1')", ())])

    def remove_facts(self, file: str) -> bool:
        if self.file_hash(file) is None:
            return False
        self._write([("DELETE FROM texts WHERE file = ?", (file,)),
                     ("INSERT OR REPLACE INTO meta VALUES ('stale', '1')", ())])
        return True

    def all_facts(self) -> Iterator[TextFacts]:
        for (row,) in self._rows("SELECT facts FROM texts ORDER BY file"):
            yield codec.from_dict(TextFacts, json.loads(row))

    def facts(self, file: str) -> TextFacts | None:
        row = self._one("SELECT facts FROM texts WHERE file = ?", (file,))
        return codec.from_dict(TextFacts, json.loads(row[0])) if row else None

    def files(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT file FROM texts ORDER BY file")]

    # --- resolved graph ------------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None:
        dump = lambda o: json.dumps(codec.to_dict(o), ensure_ascii=False)  # noqa: E731
        ops = [("DELETE FROM documents", ()), ("DELETE FROM units", ()), ("DELETE FROM edges", ()),
               ("DELETE FROM mentions", ())]
        ops.append(("INSERT INTO documents VALUES (?, ?)", ((d.id, dump(d)) for d in graph.documents)))
        ops.append(("INSERT INTO units VALUES (?, ?)", ((u.id, dump(u)) for u in graph.units)))
        ops.append(("INSERT INTO edges (source, target, relation, row) VALUES (?, ?, ?, ?)",
                    ((e.source, e.target, e.relation.value, dump(e)) for e in graph.edges)))
        ops.append(("INSERT INTO mentions (file, row) VALUES (?, ?)", ((m.file, dump(m)) for m in graph.mentions)))
        ops.append(("INSERT OR REPLACE INTO meta VALUES ('stale', '0')", ()))
        self._write(ops)
        self._graph = None

    def stale(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'stale'", ())
        return bool(row and row[0] == "1")

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The resolved graph, loaded once: nodes carry `obj`, edges carry `obj`."""
        if self._graph is None:
            self._graph = self._load()
        return self._graph

    def document(self, doc_id: str) -> Document | None:
        return self._node(doc_id, Document)

    def documents(self) -> Iterable[Document]:
        return self._nodes(Document)

    def unit(self, unit_id: str) -> Unit | None:
        return self._node(unit_id, Unit)

    def units(self) -> Iterable[Unit]:
        return self._nodes(Unit)

    def _node(self, node_id: str, cls):
        data = self.nx.nodes.get(node_id)
        obj = data.get("obj") if data else None
        return obj if isinstance(obj, cls) else None

    def _nodes(self, cls) -> list:
        return [d["obj"] for _, d in self.nx.nodes(data=True) if isinstance(d.get("obj"), cls)]

    def edges(self) -> Iterable[Edge]:
        return [d["obj"] for _, _, d in self.nx.edges(data=True)]

    def edges_to(self, node_id, relations=None) -> list[Edge]:
        if node_id not in self.nx:
            return []
        return [d["obj"] for _, _, d in self.nx.in_edges(node_id, data=True)
                if relations is None or d["obj"].relation in relations]

    def edges_from(self, node_id, relations=None) -> list[Edge]:
        if node_id not in self.nx:
            return []
        return [d["obj"] for _, _, d in self.nx.out_edges(node_id, data=True)
                if relations is None or d["obj"].relation in relations]

    def mentions(self, file: str | None = None) -> Iterable[Mention]:
        sql, args = ("SELECT row FROM mentions WHERE file = ? ORDER BY n", (file,)) if file else \
            ("SELECT row FROM mentions ORDER BY n", ())
        return [codec.from_dict(Mention, json.loads(r)) for (r,) in self._rows(sql, args)]

    def close(self) -> None:
        self.db.close()

    def graph(self) -> Graph:
        """The resolved graph as it was stored (edges in the order they were given), to copy
        into another store: that store then answers in the same order as this one."""
        load = lambda cls, sql: [codec.from_dict(cls, json.loads(r)) for (r,) in self._rows(sql)]  # noqa: E731
        return Graph(tuple(self.documents()), tuple(self.units()), tuple(load(Edge, "SELECT row FROM edges ORDER BY n")),
                     tuple(self.mentions()))

    # --- traversals (graph.store.Store) ---------------------------------------------------
    def neighbourhood(self, node_ids, depth: int | None = 1, relations=None, direction: str = "both"
                      ) -> dict[str, list[Edge]]:
        if direction not in ("in", "out", "both"):
            raise ValueError(f"direction must be in, out or both, not {direction!r}")
        roots = [node_ids] if isinstance(node_ids, str) else list(dict.fromkeys(node_ids))
        return breadth_first(roots, depth, lambda frontier: {
            node: (self.edges_from(node, relations) if direction != "in" else [])
            + (self.edges_to(node, relations) if direction != "out" else []) for node in frontier})

    def edges_among(self, node_ids) -> list[Edge]:
        ids = set(node_ids)
        if len(ids) > 200:
            return [e for e in self.edges() if e.source in ids and e.target in ids]
        g = self.nx
        if getattr(self, "_order_of", None) is None or self._order_of[0] is not g:
            self._order_of = (g, {n: i for i, n in enumerate(g)})
        order = self._order_of[1]
        return [d["obj"] for n in sorted((n for n in ids if n in order), key=order.__getitem__)
                for _, t, d in g.out_edges(n, data=True) if t in ids]

    # --- internals ---------------------------------------------------------------------
    def _load(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        g.add_nodes_from((i, {"obj": codec.from_dict(Document, json.loads(r))})
                         for i, r in self._rows("SELECT id, row FROM documents"))
        g.add_nodes_from((i, {"obj": codec.from_dict(Unit, json.loads(r))})
                         for i, r in self._rows("SELECT id, row FROM units"))
        for (r,) in self._rows("SELECT row FROM edges ORDER BY n"):
            e = codec.from_dict(Edge, json.loads(r))
            g.add_edge(e.source, e.target, key=None, obj=e)
        return g

    def _rows(self, sql, args=()):
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            from .storelock import why
            raise StoreError(f"store at {self.directory} cannot be read: {why(e, self.directory)}") from e

    def _one(self, sql, args):
        rows = self._rows(sql, args)
        return rows[0] if rows else None

    def _write(self, ops) -> None:
        """Run `ops` in one transaction: all of them are committed, or none (a full disk, a
        read-only medium: rolled back, and a StoreError says why)."""
        if self.readonly:
            raise StoreError(f"cannot write to store at {self.directory}: {self.readonly_reason}")
        try:
            with self.db:
                for sql, args in ops:
                    if isinstance(args, tuple):
                        self.db.execute(sql, args)
                    else:  # many rows: a list, or a generator so they are never all in memory
                        self.db.executemany(sql, args)
        except sqlite3.Error as e:
            from .storelock import why
            raise StoreError(f"cannot write to store at {self.directory}: {why(e, self.directory)}") from e

    # --- query support (graph.store.Store: what graph/queries.py asks) ---------------------------
    # Views derived once per loaded graph (graph.derived.Derived: document rows, issuers, counts,
    # the search index), dropped with it; mentions by document from the SQL index on their row.
    _query_lock = threading.Lock()

    def graph_version(self):
        return self.nx

    def _derived(self):
        g = self.nx
        cached = self.__dict__.get("_derived_views")
        if cached is None or cached[0] is not g:
            with self._query_lock:
                cached = self.__dict__.get("_derived_views")
                if cached is None or cached[0] is not g:
                    cached = (g, Derived(self.documents(), self.units(), self.edges()), {})
                    self._derived_views = cached
        return cached[1], cached[2]

    def documents_by_ids(self, ids) -> dict[str, Document]:
        return _pick(self._derived()[0].docs, ids)

    def units_by_ids(self, ids) -> dict[str, Unit]:
        return _pick(self._derived()[0].units, ids)

    def document_rows(self, ids) -> dict[str, dict]:
        return _pick(self._derived()[0].row, ids)

    def issuers(self, doc_ids) -> dict[str, Unit]:
        return _pick(self._derived()[0].issuers, doc_ids)

    def unit_counts(self, unit_ids) -> dict[str, tuple[int, int]]:
        d = self._derived()[0]
        return {i: d.unit_counts(i) for i in unit_ids if i in d.units}

    def issued_by(self, unit_id: str) -> list[str]:
        return list(self._derived()[0].issued.get(unit_id, ()))

    def document_list(self, filters: dict, after, limit: int) -> dict:
        d, cache = self._derived()
        key = ("list",) + tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in filters.items()))
        hit = cache.get(key)
        if hit is None:
            rows = filter_rows(d.rows, filters, d.text)
            hit = (rows, facet_counts(rows, DOCUMENT_FACETS))
            if len(cache) >= 256:
                cache.clear()
            cache[key] = hit
        rows, facets = hit
        start = bisect.bisect_right(rows, tuple(after), key=document_key) if after is not None else 0
        return {"rows": rows[start:start + limit], "more": start + limit < len(rows), "total": len(rows),
                "facets": facets}

    def find_units(self, *, level=None, province=None, kind=None, parent=None, name=None, words=()) -> list[Unit]:
        out = []
        for u in self._derived()[0].units.values():
            if (level is None or u.level.value == level) and (province is None or fold(u.province) == fold(province)) \
                    and (kind is None or fold(u.kind) == fold(kind)) and (parent is None or u.parent == parent) \
                    and (name is None or fold(u.name) == fold(name)):
                if words:
                    text = fold(f"{u.name} {u.id}")
                    if not all(w in text for w in words):
                        continue
                out.append(u)
        return out

    def mentions_of(self, doc_id: str) -> list[Mention]:
        _, cache = self._derived()
        if "mentions_indexed" not in cache:
            cache["mentions_indexed"] = bool(self._rows(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'mentions_document'"))
        if cache["mentions_indexed"]:
            rows = self._rows("SELECT row FROM mentions WHERE json_extract(row, '$.document') = ? ORDER BY n",
                              (doc_id,))
            return [codec.from_dict(Mention, json.loads(r)) for (r,) in rows]
        by_doc = cache.get("mentions_by_doc")  # a store opened read-only before the index existed
        if by_doc is None:
            with self._query_lock:
                by_doc = cache.get("mentions_by_doc")
                if by_doc is None:
                    by_doc = {}
                    for m in self.mentions():
                        if m.document:
                            by_doc.setdefault(m.document, []).append(m)
                    cache["mentions_by_doc"] = by_doc
        return list(by_doc.get(doc_id, ()))

    def mention_counts(self) -> dict[str, tuple[int, int]]:
        _, cache = self._derived()
        if "mention_counts" not in cache:
            cache["mention_counts"] = {f: (n, k) for f, n, k in self._rows(
                "SELECT file, count(*), count(DISTINCT json_extract(row, '$.document')) FROM mentions GROUP BY file")}
        return cache["mention_counts"]

    def search_candidates(self, query_tokens, kind=None, limit: int = 2000) -> list[tuple[str, int]]:
        if kind not in (None, "document", "unit"):
            return []
        d = self._derived()[0]
        return [(d.order[i], hits) for i, hits in d.candidates(list(query_tokens), kind, limit)]

    def search_keys(self, ids) -> dict[str, tuple[list[str], str]]:
        d = self._derived()[0]
        out = {}
        for i in ids:
            if i in d.row:
                out[i] = (d.names[i], d.text[i])
            elif i in d.units:
                out[i] = (unit_names(d.units[i]), "")
        return out

    def graph_counts(self) -> dict:
        d, cache = self._derived()
        if "counts" not in cache:
            resolutions = dict(self._rows("SELECT json_extract(row, '$.resolution'), count(*) FROM mentions GROUP BY 1"))
            n, files = self._one("SELECT count(*), count(DISTINCT file) FROM mentions", ())
            cache["counts"] = d.counts(n, files, resolutions)
        return cache["counts"]


def _pick(mapping: dict, keys) -> dict:
    """The entries of `mapping` for those of `keys` it has, in the order of `keys`."""
    return {k: mapping[k] for k in keys if k in mapping}

