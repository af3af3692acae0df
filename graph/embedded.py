"""The embedded store: one SQLite file, indexed, answering each question with SQL.

Each text's facts are committed in a transaction of their own, and the resolved graph is
replaced in one transaction, so a kill at any point leaves a store that opens with every text
committed before it (and is marked stale until the graph is rebuilt from those facts). Nothing
is unpickled: rows are JSON, the search index's node lists are arrays of 32-bit integers.

What `replace_graph` writes (layout "indexed"), and so what is answered straight from SQL:

* `documents`: the Document as JSON (`row`), its list row (`qrow`: graph.derived.document_row),
  search keys, issuing unit and the folded columns `document_list` filters on; `n` is its
  position (documents first, then units: the search index's numbering). Answers `document`,
  `documents_by_ids`, `document_rows`, `issuers`, `issued_by`, `document_list` (rows, total and
  facets of a filtered list: one indexed or scanning GROUP BY per filter, remembered), `search_keys`.
* `units`: the Unit as JSON, its counts and folded columns: `unit`, `units_by_ids`, `unit_counts`,
  `find_units`.
* `edges` in plain columns (the evidence's too, without type affinity: values come back as
  given), with `pn` (position of the first edge between the same two nodes) and `sn` (position of
  the source among the nodes): `edges_to`, `edges_from`, `neighbourhood` (one statement per level
  and direction), `edges_among`, `edges()`, in the order a networkx MultiDiGraph built from the
  graph gives them (the previous version's order). The table is kept in (target, pn, n) order,
  so the edges into a node (what implementers and chains walk) are read in one range.
* `mentions` with their document: `mentions`, `mentions_of`, `mention_counts`.
* `postings`: the search index (token -> node positions): `search_candidates` reads the postings
  of the query's tokens only.
* `stats`: `graph_counts` (graph.derived.Derived.counts), computed when the graph is written.

Nothing is loaded whole at open, nor for any question. Whole-collection answers (`documents()`,
`units()`, `edges()`, `mentions()`, `graph()`) are read in pages. Remembered per graph version
(`_Views`, made anew when `graph_version` changes): the search index's matched tokens, the totals
and facets of filtered lists, the mention counts, and up to MEMO_ITEMS decoded documents, list rows, units,
issuers and per-node edge lists (a server's hot set). `nx` (a networkx graph, for tools) is built
only when asked for.

A store written by the previous version (JSON rows only) is rewritten in the indexed layout
when it is opened writable (one transaction: the graph is read, its tables replaced); opened
read-only, or when that rewrite fails, its graph is copied once into a private temporary SQLite
database in the indexed layout, on the first question, and every question is answered from it
the same way.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import threading
from array import array
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from . import codec
from .derived import (DOCUMENT_FACETS, Derived, TokenIndex, facet_list, flag_keys, fold, kind_candidates, sort_key,
                      unit_names)
from .errors import StoreError
from .model import Document, Edge, Evidence, Graph, Mention, Relation, TextFacts, Unit
from .store import breadth_first

log = logging.getLogger(__name__)

BASE_SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
#: the graph's tables, and (GRAPH_INDEXES) their indexes, made after the rows are written
GRAPH_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS documents (n INTEGER PRIMARY KEY, id TEXT NOT NULL, row TEXT NOT NULL,
    qrow TEXT NOT NULL, names TEXT NOT NULL, text TEXT NOT NULL, sk TEXT NOT NULL, unit_id TEXT,
    type TEXT, unit TEXT, province TEXT, level TEXT, year INTEGER, flags TEXT NOT NULL,
    f_type TEXT NOT NULL, f_unit TEXT NOT NULL, f_province TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (n INTEGER PRIMARY KEY, id TEXT NOT NULL, row TEXT NOT NULL,
    names TEXT NOT NULL, level TEXT, parent TEXT, f_name TEXT NOT NULL, f_province TEXT NOT NULL,
    f_kind TEXT NOT NULL, ftext TEXT NOT NULL, n_issued INTEGER NOT NULL, n_carried INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS edges (n INTEGER NOT NULL, source TEXT, target TEXT, relation TEXT,
    confidence, file, line, text, pn INTEGER NOT NULL, sn INTEGER NOT NULL,
    PRIMARY KEY (target, pn, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (n INTEGER PRIMARY KEY, file TEXT, document TEXT, resolution TEXT,
    row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings (kind TEXT NOT NULL, token TEXT NOT NULL, nodes BLOB NOT NULL,
    PRIMARY KEY (kind, token)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stats (key TEXT PRIMARY KEY, value TEXT);
"""
GRAPH_INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE UNIQUE INDEX IF NOT EXISTS units_id ON units(id);
CREATE INDEX IF NOT EXISTS documents_sk ON documents(sk);
CREATE INDEX IF NOT EXISTS documents_unit_id ON documents(unit_id, sk);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(id, unit_id);
CREATE INDEX IF NOT EXISTS documents_f_unit ON documents(f_unit);
CREATE INDEX IF NOT EXISTS documents_f_province ON documents(f_province);
CREATE INDEX IF NOT EXISTS documents_f_type ON documents(f_type);
CREATE INDEX IF NOT EXISTS units_parent ON units(parent);
CREATE INDEX IF NOT EXISTS edges_source ON edges(source, pn, n);
CREATE UNIQUE INDEX IF NOT EXISTS edges_n ON edges(n);
CREATE INDEX IF NOT EXISTS edges_sn ON edges(sn, pn, n);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document);
"""
GRAPH_SCHEMA = GRAPH_TABLES_SQL + GRAPH_INDEXES
#: the layout of the graph tables this version writes (meta `layout`; none: the JSON rows of before)
LAYOUT = 2
GRAPH_TABLES = ("documents", "units", "edges", "mentions", "postings", "stats")
DB_NAME = "directives.sqlite"
EDGE_COLUMNS = "source, target, relation, confidence, file, line, text"
#: `x IN _LIST`: x is one of the values of a JSON array passed as one parameter (any number of them)
_LIST = "(SELECT value FROM json_each(?))"
_RELATION = {r.value: r for r in Relation}
#: documents read for their issuer from one covering index (the planner would read the table too)
_ISSUERS = "documents INDEXED BY documents_issuer"
#: rows per statement of a whole-collection read
PAGE = 5000
#: decoded documents, units and edges remembered per graph version (a server's hot set)
MEMO_ITEMS = 500_000


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
                    self.db.executescript(BASE_SCHEMA)
                    if _layout(self.db) == "empty":  # a new store: its graph tables, in one transaction
                        self.db.executescript(f"BEGIN; {GRAPH_SCHEMA}; INSERT OR REPLACE INTO meta "
                                              f"VALUES ('layout', '{LAYOUT}'); COMMIT;")
                except (OSError, sqlite3.Error) as e:
                    if getattr(self, "db", None) is not None:
                        self.db.close()
                    if not path.exists():
                        raise StoreError(f"cannot create store at {self.directory}: {why(e, self.directory)}") from e
                    self.db = open_readonly()
                    self.readonly, self.readonly_reason = True, why(e, self.directory)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open store at {self.directory}: {why(e, self.directory)}") from e
        self._lock = threading.RLock()
        self._gdb: sqlite3.Connection | None = None  # where the graph is read: self.db, or a private copy
        self._copy_version = None
        self._views: _Views | None = None
        self._graph: tuple | None = None  # (version, networkx graph), only when `nx` is asked for
        if not self.readonly and self._layout() == "legacy":
            self._upgrade()

    # --- facts -----------------------------------------------------------------
    def file_hash(self, file: str) -> str | None:
        row = self._one("SELECT sha256 FROM texts WHERE file = ?", (file,), self.db)
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
        for (row,) in self._rows("SELECT facts FROM texts ORDER BY file", (), self.db):
            yield codec.loads(TextFacts, row)

    def facts(self, file: str) -> TextFacts | None:
        row = self._one("SELECT facts FROM texts WHERE file = ?", (file,), self.db)
        return codec.loads(TextFacts, row[0]) if row else None

    def files(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT file FROM texts ORDER BY file", (), self.db)]

    # --- resolved graph ------------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None:
        self._write(_graph_ops(graph) + [_LAYOUT_OP,
            ("INSERT OR REPLACE INTO meta VALUES ('stale', '0')", ()),
            ("INSERT INTO meta VALUES ('version', '1') ON CONFLICT(key) DO UPDATE SET value = value + 1", ())])
        with self._lock:
            if self._gdb is not None and self._gdb is not self.db:
                self._gdb.close()
            self._gdb = self.db

    def stale(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'stale'", (), self.db)
        return bool(row and row[0] == "1")

    def graph_version(self):
        """The number of graphs written so far (meta `version`): it changes with every
        `replace_graph`, in any process."""
        row = self._one("SELECT value FROM meta WHERE key = 'version'", (), self.db)
        return int(row[0]) if row else 0

    def document(self, doc_id: str) -> Document | None:
        return self.documents_by_ids([doc_id]).get(doc_id)

    def unit(self, unit_id: str) -> Unit | None:
        return self.units_by_ids([unit_id]).get(unit_id)

    def documents(self) -> Iterator[Document]:
        return (codec.loads(Document, r) for (r,) in self._paged("documents", "row"))

    def units(self) -> Iterator[Unit]:
        return (codec.loads(Unit, r) for (r,) in self._paged("units", "row"))

    def edges(self) -> Iterator[Edge]:
        """Every edge, grouped by source in node order (as networkx gives them)."""
        return (_edge(r) for r in self._paged("edges", EDGE_COLUMNS, ("sn", "pn", "n")))

    def mentions(self, file: str | None = None) -> Iterable[Mention]:
        if file is None:
            return (codec.loads(Mention, r) for (r,) in self._paged("mentions", "row"))
        return [codec.loads(Mention, r) for (r,) in self._rows("SELECT row FROM mentions WHERE file = ? ORDER BY n", (file,))]

    def graph(self) -> Graph:
        """The resolved graph as it was stored (edges in the order they were given), to copy
        into another store: that store then answers in the same order as this one."""
        edges = (_edge(r) for r in self._paged("edges", EDGE_COLUMNS, ("n",)))
        return Graph(tuple(self.documents()), tuple(self.units()), tuple(edges), tuple(self.mentions()))

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The whole graph in networkx (nodes and edges carry `obj`), built when first asked for."""
        version = self.graph_version()
        with self._lock:
            if self._graph is None or self._graph[0] != version:
                g = nx.MultiDiGraph()
                g.add_nodes_from((d.id, {"obj": d}) for d in self.documents())
                g.add_nodes_from((u.id, {"obj": u}) for u in self.units())
                for e in self.edges():
                    g.add_edge(e.source, e.target, obj=e)
                self._graph = (version, g)
            return self._graph[1]

    def close(self) -> None:
        if self._gdb is not None and self._gdb is not self.db:
            self._gdb.close()
        self.db.close()

    # --- traversals (graph.store.Store) ---------------------------------------------------
    def edges_to(self, node_id, relations=None) -> list[Edge]:
        return list(self._edges_at("target", [node_id], relations).get(node_id, ()))

    def edges_from(self, node_id, relations=None) -> list[Edge]:
        return list(self._edges_at("source", [node_id], relations).get(node_id, ()))

    def neighbourhood(self, node_ids, depth: int | None = 1, relations=None, direction: str = "both"
                      ) -> dict[str, list[Edge]]:
        """Breadth first from `node_ids`: one statement per level and direction."""
        if direction not in ("in", "out", "both"):
            raise ValueError(f"direction must be in, out or both, not {direction!r}")
        roots = [node_ids] if isinstance(node_ids, str) else list(dict.fromkeys(node_ids))
        ends = {"out": ("source",), "in": ("target",), "both": ("source", "target")}[direction]

        def level_edges(frontier: list[str]) -> dict[str, list[Edge]]:
            found = [self._edges_at(end, frontier, relations) for end in ends]
            return {node: [e for by_node in found for e in by_node.get(node, ())] for node in frontier}

        return breadth_first(roots, depth, level_edges)

    def edges_among(self, node_ids) -> list[Edge]:
        ids = _js(list(dict.fromkeys(node_ids)))
        return [_edge(r) for r in self._rows(f"SELECT {EDGE_COLUMNS} FROM edges WHERE source IN {_LIST} "
                                             f"AND target IN {_LIST} ORDER BY sn, pn, n", (ids, ids))]

    def _edges_at(self, end: str, node_ids: list[str], relations) -> dict[str, list[Edge]]:
        """The edges whose `end` ("source" or "target") is one of `node_ids`, with one of
        `relations` (None: any), per node in (pn, n) order (lists to be copied, not changed): the
        order of the table's key and of edges_source, so nothing is sorted after reading."""
        rel = None if relations is None else sorted({Relation(r).value for r in relations})

        def fetch(nodes: list[str]) -> dict[str, list[Edge]]:
            args = [_js(nodes)] + ([_js(rel)] if rel is not None else [])
            out: dict[str, list[Edge]] = {}
            for r in self._rows(f"SELECT {EDGE_COLUMNS} FROM edges WHERE {end} IN {_LIST}"
                                f"{f' AND relation IN {_LIST}' if rel is not None else ''} ORDER BY {end}, pn, n", args):
                edge = _edge(r)
                out.setdefault(getattr(edge, end), []).append(edge)
            return out

        return self._current_views().memo.many((end, None if rel is None else tuple(rel)), node_ids, fetch)

    # --- query support (graph.store.Store: what graph/queries.py asks) ---------------------------
    def documents_by_ids(self, ids) -> dict[str, Document]:
        return self._objects("documents", Document, ids)

    def units_by_ids(self, ids) -> dict[str, Unit]:
        return self._objects("units", Unit, ids)

    def _objects(self, table: str, cls, ids) -> dict:
        """The Documents or Units with these ids, decoded once per graph version (memo)."""
        return self._current_views().memo.many(table, ids, lambda missing: {
            i: codec.loads(cls, r) for i, r in self._by_ids(table, "row", missing)})

    def document_rows(self, ids) -> dict[str, dict]:
        """The list rows of these documents (decoded once per graph version; each answer gets
        its own copies of the rows)."""
        rows = self._current_views().memo.many("qrow", ids, lambda missing: {
            i: json.loads(r) for i, r in self._by_ids("documents", "qrow", missing)})
        return {i: dict(r) for i, r in rows.items()}

    def issuers(self, doc_ids) -> dict[str, Unit]:
        of = self._current_views().memo.many("issuer", doc_ids, lambda missing: {
            i: u for i, u in self._by_ids(_ISSUERS, "unit_id", missing) if u is not None})
        units = self.units_by_ids(list(dict.fromkeys(of.values())))
        return {d: units[u] for d, u in of.items() if u in units}

    def unit_counts(self, unit_ids) -> dict[str, tuple[int, int]]:
        return {i: (a, b) for i, a, b in self._by_ids("units", "n_issued, n_carried", unit_ids)}

    def issued_by(self, unit_id: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM documents WHERE unit_id = ? ORDER BY sk", (unit_id,))]

    #: document_list filters: (name, SQL condition, how the value is passed)
    _LIST_FILTERS = (("type", "f_type = ?", lambda v: [fold(v)]),
                     ("unit", "(unit_id = ? OR f_unit = ?)", lambda v: [v, fold(v)]),
                     ("province", "f_province = ?", lambda v: [fold(v)]), ("level", "level = ?", lambda v: [v]),
                     ("year_from", "year >= ?", lambda v: [v]), ("year_to", "year <= ?", lambda v: [v]),
                     ("flag", "EXISTS (SELECT 1 FROM json_each(flags) WHERE value = ?)", lambda v: [v]),
                     ("words", None, list))

    def document_list(self, filters: dict, after, limit: int) -> dict:
        where, args = ["1"], []
        for name, condition, values in self._LIST_FILTERS:
            value = filters.get(name)
            if value is not None and value != "" and value != []:
                where += [condition] if condition else ["instr(text, ?) > 0"] * len(value)
                args += values(value)
        where_sql = " AND ".join(where)
        total, facets = self._list_totals(where_sql, tuple(args))
        start = [] if after is None else [f"{after[0]} {after[1]} {after[2]}"]
        rows = self._rows(f"SELECT qrow FROM documents WHERE {where_sql}{' AND sk > ?' if start else ''} "
                          "ORDER BY sk LIMIT ?", args + start + [limit + 1])
        return {"rows": [json.loads(r) for (r,) in rows[:limit]], "more": len(rows) > limit, "total": total,
                "facets": facets}

    def _list_totals(self, where_sql: str, args: tuple) -> tuple[int, dict]:
        """(how many documents pass, their facets): the graph's own counts when nothing is
        filtered, else one GROUP BY; remembered per filter."""
        views = self._current_views()
        key = (where_sql, args)
        hit = views.lists.get(key)
        if hit is None:
            if where_sql == "1":
                counts = self.graph_counts()
                hit = (counts["documents"], {f: v[:50] for f, v in counts["facets"].items()})
            else:
                tallies: dict[str, dict] = {f: {} for f in DOCUMENT_FACETS}
                total = 0
                for *values, c in self._rows(f"SELECT {', '.join(DOCUMENT_FACETS)}, count(*) FROM documents "
                                             f"WHERE {where_sql} GROUP BY 1, 2, 3, 4, 5", args):
                    total += c
                    for f, v in zip(DOCUMENT_FACETS, values):
                        if v is not None:
                            tallies[f][v] = tallies[f].get(v, 0) + c
                hit = (total, {f: facet_list(t) for f, t in tallies.items()})
            with self._lock:
                if len(views.lists) >= 256:
                    views.lists.clear()
                views.lists[key] = hit
        return hit

    def find_units(self, *, level=None, province=None, kind=None, parent=None, name=None, words=()) -> list[Unit]:
        where, args = ["1"], []
        for condition, value in (("level = ?", level), ("f_province = ?", None if province is None else fold(province)),
                                 ("f_kind = ?", None if kind is None else fold(kind)), ("parent = ?", parent),
                                 ("f_name = ?", None if name is None else fold(name))):
            if value is not None:
                where.append(condition)
                args.append(value)
        where += ["instr(ftext, ?) > 0"] * len(words)
        rows = self._rows(f"SELECT row FROM units WHERE {' AND '.join(where)} ORDER BY n", args + list(words))
        return [codec.loads(Unit, r) for (r,) in rows]

    def mentions_of(self, doc_id: str) -> list[Mention]:
        return [codec.loads(Mention, r) for (r,) in self._rows("SELECT row FROM mentions WHERE document = ? ORDER BY n", (doc_id,))]

    def mention_counts(self) -> dict[str, tuple[int, int]]:
        views = self._current_views()
        if views.mention_counts is None:
            views.mention_counts = {f: (n, k) for f, n, k in self._rows(
                "SELECT file, count(*), count(DISTINCT document) FROM mentions GROUP BY file")}
        return views.mention_counts

    def search_candidates(self, query_tokens, kind=None, limit: int = 2000) -> list[tuple[str, int]]:
        if kind not in (None, "document", "unit"):
            return []
        found = kind_candidates(self._current_views().tokens, list(query_tokens), kind, limit)
        ns = _js([n for n, _ in found])
        ids = dict(r for table in ("documents", "units")
                   for r in self._rows(f"SELECT n, id FROM {table} WHERE n IN {_LIST}", (ns,)))
        return [(ids[n], hits) for n, hits in found if n in ids]

    def search_keys(self, ids) -> dict[str, tuple[list[str], str]]:
        ids = list(ids)
        out = {i: (json.loads(names), "") for i, names in self._by_ids("units", "names", ids)}
        out.update((i, (json.loads(names), text)) for i, names, text in self._by_ids("documents", "names, text", ids))
        return {i: out[i] for i in ids if i in out}

    def graph_counts(self) -> dict:
        row = self._one("SELECT value FROM stats WHERE key = 'counts'", ())
        return json.loads(row[0]) if row else Derived((), (), ()).counts(0, 0, {})

    # --- internals ---------------------------------------------------------------------
    def _current_views(self) -> "_Views":
        """What is remembered for the current graph version (built anew when it changes)."""
        version = self.graph_version()
        views = self._views
        if views is None or views.version != version:
            with self._lock:
                if self._views is None or self._views.version != version:
                    self._views = _Views(version, self._rows)
                views = self._views
        return views

    def _graph_db(self) -> sqlite3.Connection:
        """The connection the graph is read from: the store's own, or (a previous version's store
        that could not be rewritten) a private temporary database holding its graph indexed, made
        again if another process writes a graph meanwhile."""
        gdb = self._gdb
        if gdb is self.db:
            return gdb
        version = self.graph_version()
        with self._lock:
            if self._gdb is None or (self._gdb is not self.db and self._copy_version != version):
                self._gdb = None  # an old copy is closed when no query uses it any more
                self._gdb = self.db if self._layout() == "indexed" else self._indexed_copy()
                self._copy_version = version
            return self._gdb

    def _upgrade(self) -> None:
        """Rewrite the graph of a previous version's store in the indexed layout (one transaction,
        rechecked under the write lock); on failure, questions are answered from a private copy."""
        try:
            with self._transaction():
                if _layout(self.db) == "legacy":
                    _apply(self.db, _graph_ops(_legacy_graph(self.db)) + [_LAYOUT_OP])
        except StoreError as e:
            log.warning("%s; answering from an indexed copy of its graph", e)

    def _indexed_copy(self) -> sqlite3.Connection:
        try:
            graph = _legacy_graph(self.db)
        except sqlite3.Error as e:
            raise self._read_error(e) from e
        copy = sqlite3.connect("", check_same_thread=False)  # private, temporary: memory, then a temp file
        with copy:
            _apply(copy, _graph_ops(graph))
        return copy

    def _rows(self, sql, args=(), db: sqlite3.Connection | None = None):
        """The rows of a query of the graph (of `db`: the store's own connection, for facts and meta)."""
        try:
            return (db or self._graph_db()).execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise self._read_error(e) from e

    def _layout(self) -> str:
        try:
            return _layout(self.db)
        except sqlite3.Error as e:
            raise self._read_error(e) from e

    def _read_error(self, e: sqlite3.Error) -> StoreError:
        return _store_error(f"store at {self.directory} cannot be read", self.directory, e)

    def _one(self, sql, args, db: sqlite3.Connection | None = None):
        rows = self._rows(sql, args, db)
        return rows[0] if rows else None

    def _by_ids(self, table: str, columns: str, ids) -> list[tuple]:
        """(id, columns...) of the rows of `table` with these ids, in the order of `ids`."""
        ids = list(dict.fromkeys(i for i in ids if i is not None))
        found = {r[0]: r for r in self._rows(f"SELECT id, {columns} FROM {table} WHERE id IN {_LIST}", (_js(ids),))}
        return [found[i] for i in ids if i in found]

    def _paged(self, table: str, columns: str, order: tuple[str, ...] = ("n",)) -> Iterator[tuple]:
        """`columns` of every row of `table` in `order` (a unique key), PAGE rows per statement:
        no statement stays open between pages."""
        keys, width = ", ".join(order), columns.count(",") + 1
        after: tuple = ()
        while True:
            where = f"WHERE ({keys}) > ({', '.join('?' * len(after))}) " if after else ""
            rows = self._rows(f"SELECT {columns}, {keys} FROM {table} {where}ORDER BY {keys} LIMIT {PAGE}", after)
            for r in rows:
                yield r[:width]
            if len(rows) < PAGE:
                return
            after = rows[-1][width:]

    def _transaction(self):
        return _Transaction(self)

    def _write(self, ops) -> None:
        """Run `ops` in one transaction: all of them are committed, or none (a full disk, a
        read-only medium: rolled back, and a StoreError says why)."""
        with self._transaction():
            _apply(self.db, ops)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT on the store's connection; rolled back on any error (an
    sqlite3 error becomes a StoreError saying why)."""

    def __init__(self, store: EmbeddedStore):
        self.store = store

    def __enter__(self):
        s = self.store
        if s.readonly:
            raise StoreError(f"cannot write to store at {s.directory}: {s.readonly_reason}")
        try:
            s.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise self._error(e) from e

    def __exit__(self, kind, value, tb):
        s = self.store
        try:
            if kind is None:
                s.db.commit()
                return False
            s.db.rollback()
        except sqlite3.Error as e:
            if kind is None:
                s.db.rollback()
            raise self._error(e) from e
        if isinstance(value, sqlite3.Error):
            raise self._error(value) from value
        return False

    def _error(self, e: sqlite3.Error) -> StoreError:
        return _store_error(f"cannot write to store at {self.store.directory}", self.store.directory, e)


class _Views:
    """What is remembered for one graph version: the search index's matched tokens, the totals
    and facets of filtered lists, the mention counts, decoded objects and edges (memo)."""

    def __init__(self, version: int, rows: Callable):
        self.version = version
        self.tokens = {kind: StoredTokens(kind, rows) for kind in ("document", "unit")}
        self.lists: dict[tuple, tuple] = {}
        self.mention_counts: dict | None = None
        self.memo = _Memo(MEMO_ITEMS)


class _Memo:
    """Values by (kind, key) — frozen objects, lists of edges — up to `budget` items (a list
    counts its length), then emptied whole, as the other caches here."""

    def __init__(self, budget: int):
        self.budget, self.size, self.values = budget, 0, {}

    def many(self, kind, keys, fetch: Callable[[list], dict]) -> dict:
        """{key: value} for those of `keys` that have one, in their order; `fetch(missing keys)`
        gives those not remembered yet."""
        values = self.values
        keys = list(dict.fromkeys(k for k in keys if k is not None))
        found = {k: values[(kind, k)] for k in keys if (kind, k) in values}
        missing = [k for k in keys if k not in found]
        if missing:
            got = fetch(missing)
            if self.size > self.budget:
                self.values, self.size = {}, 0
            for k in missing:
                v = found[k] = got.get(k, _NONE)
                self.values[(kind, k)] = v
                self.size += len(v) + 1 if isinstance(v, list) else 1
        return {k: found[k] for k in keys if found[k] is not _NONE}


_NONE = object()


class StoredTokens(TokenIndex):
    """The search index of one kind (documents or units) in the `postings` table: a query token's
    postings are read when it is first asked for."""

    def __init__(self, kind: str, rows: Callable):
        self.kind, self._rows_of = kind, rows
        self._matched = {}

    def expand(self, token: str) -> list[str]:
        found = [t for (t,) in self._rows_of(
            "SELECT token FROM postings WHERE kind = ? AND token >= ? AND token < ? ORDER BY token",
            (self.kind, token, token + "\U0010ffff"))]
        return [token] if token in found else [t for t in found if t.startswith(token)]

    def posting(self, token: str) -> list[int]:
        rows = self._rows_of("SELECT nodes FROM postings WHERE kind = ? AND token = ?", (self.kind, token))
        return _unpack(rows[0][0]) if rows else []


# --- writing the graph --------------------------------------------------------------------------

def _graph_ops(graph: Graph) -> list[tuple]:
    """The statements that replace the graph tables (of any layout) with `graph`'s: tables made
    anew, rows generated as they are written (edges and postings in their tables' key order),
    then the indexes. The derived views (graph.derived.Derived) are computed here, once."""
    der = Derived(graph.documents, graph.units, graph.edges)
    n_docs = len(graph.documents)
    position: dict[str, int] = {}
    for node in [d.id for d in graph.documents] + [u.id for u in graph.units] + \
            [end for e in graph.edges for end in (e.source, e.target)]:
        position.setdefault(node, len(position))
    resolutions: dict[str, int] = {}
    for m in graph.mentions:
        resolutions[m.resolution] = resolutions.get(m.resolution, 0) + 1
    counts = der.counts(len(graph.mentions), len({m.file for m in graph.mentions}), resolutions)
    return [(f"DROP TABLE IF EXISTS {t}", ()) for t in GRAPH_TABLES] + _statements(GRAPH_TABLES_SQL) + [
        ("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (_document_columns(i, d, der) for i, d in enumerate(graph.documents))),
        ("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (_unit_columns(i, u, der) for i, u in enumerate(graph.units, n_docs))),
        ("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _edge_columns(graph.edges, position)),
        ("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
         ((i, m.file, m.document, m.resolution, codec.dumps(m)) for i, m in enumerate(graph.mentions))),
        ("INSERT INTO postings VALUES (?, ?, ?)",
         ((kind, t, _pack(ns)) for kind, index in der.tokens.items() for t, ns in sorted(index.postings.items()))),
        ("INSERT INTO stats VALUES ('counts', ?)", (_js(counts),)),
    ] + _statements(GRAPH_INDEXES)


def _document_columns(n: int, d: Document, der: Derived) -> tuple:
    r = der.row[d.id]
    return (n, d.id, codec.dumps(d), _js(r), _js(der.names[d.id]), der.text[d.id], sort_key(r), r["unit_id"],
            r["type"], r["unit"], r["province"], r["level"], r["year"], _js(flag_keys(d.flags)),
            fold(r["type"]), fold(r["unit"]), fold(r["province"]))


def _unit_columns(n: int, u: Unit, der: Derived) -> tuple:
    issued, carried = der.unit_counts(u.id)
    return (n, u.id, codec.dumps(u), _js(unit_names(u)), u.level.value, u.parent, fold(u.name), fold(u.province),
            fold(u.kind), fold(f"{u.name} {u.id}"), issued, carried)


def _edge_columns(edges: tuple[Edge, ...], position: dict[str, int]) -> Iterator[tuple]:
    """The rows of the edges table, in its key order (target, pn, n)."""
    first: dict[tuple, int] = {}
    pns = [first.setdefault((e.source, e.target), i) for i, e in enumerate(edges)]
    for i in sorted(range(len(edges)), key=lambda i: (edges[i].target, pns[i], i)):
        e = edges[i]
        yield (i, e.source, e.target, e.relation.value, e.confidence, e.evidence.file, e.evidence.line,
               e.evidence.text, pns[i], position[e.source])


def _legacy_graph(db: sqlite3.Connection) -> Graph:
    """The graph of a previous version's store (JSON rows only), in its order: documents and
    units as inserted, edges and mentions by `n`."""
    if _layout(db) == "empty":
        return Graph()
    load = lambda cls, sql: tuple(codec.loads(cls, r) for (r,) in db.execute(sql))  # noqa: E731
    return Graph(load(Document, "SELECT row FROM documents ORDER BY rowid"),
                 load(Unit, "SELECT row FROM units ORDER BY rowid"),
                 load(Edge, "SELECT row FROM edges ORDER BY n"), load(Mention, "SELECT row FROM mentions ORDER BY n"))


def _layout(db: sqlite3.Connection) -> str:
    """"indexed" (this version's tables: meta `layout` is LAYOUT), "legacy" (a previous version's
    JSON rows) or "empty" (no graph tables yet)."""
    if not db.execute("PRAGMA table_info(documents)").fetchall():
        return "empty"
    row = db.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
    return "indexed" if row and row[0] == str(LAYOUT) else "legacy"


def _apply(db: sqlite3.Connection, ops) -> None:
    for sql, args in ops:
        if isinstance(args, tuple):
            db.execute(sql, args)
        else:  # many rows: a generator, so they are never all in memory
            db.executemany(sql, args)


def _statements(script: str) -> list[tuple]:
    return [(sql.strip(), ()) for sql in script.split(";") if sql.strip()]


_LAYOUT_OP = ("INSERT OR REPLACE INTO meta VALUES ('layout', ?)", (str(LAYOUT),))


# --- small helpers ------------------------------------------------------------------------------

def _store_error(what: str, directory: Path, e: sqlite3.Error) -> StoreError:
    """"`what`: why", why in words a user can act on (a full disk, a read-only medium ...)."""
    from .storelock import why
    return StoreError(f"{what}: {why(e, directory)}")


def _js(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _edge(r: tuple) -> Edge:
    """An Edge from the EDGE_COLUMNS of its row."""
    return Edge(r[0], r[1], _RELATION[r[2]], r[3], Evidence(r[4], r[5], r[6]))


def _pack(nodes: list[int]) -> bytes:
    """Node positions as little-endian unsigned 32-bit integers."""
    a = array("I", nodes)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def _unpack(blob: bytes) -> array:
    a = array("I")
    a.frombytes(blob)
    if sys.byteorder == "big":
        a.byteswap()
    return a
