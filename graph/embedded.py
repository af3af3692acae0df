"""The embedded store: SQLite on disk for durability, networkx in memory for queries.

Each text's facts are committed in a transaction of their own, and the resolved
graph is replaced in one transaction, so a kill at any point leaves a store that
opens with every text committed before it (and is marked stale until the graph
is rebuilt from those facts). Nothing is unpickled: rows are JSON.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx

from . import codec
from .errors import StoreError
from .model import Document, Edge, Graph, Mention, TextFacts, Unit
from .store import breadth_first

SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (n INTEGER PRIMARY KEY, source TEXT, target TEXT, relation TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (n INTEGER PRIMARY KEY, file TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
"""
DB_NAME = "directives.sqlite"


class EmbeddedStore:
    def __init__(self, directory: str | os.PathLike, *, readonly: bool = False):
        self.directory = Path(directory)
        self.readonly = readonly
        try:
            if not readonly:
                self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / DB_NAME
            if readonly and not path.exists():
                raise StoreError(f"no store at {self.directory} (run `directives ingest` first)")
            uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
            self.db = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open store at {self.directory}: {e}") from e
        self._graph: nx.MultiDiGraph | None = None

    # --- facts -----------------------------------------------------------------
    def file_hash(self, file: str) -> str | None:
        row = self._one("SELECT sha256 FROM texts WHERE file = ?", (file,))
        return row[0] if row else None

    def put_facts(self, facts: TextFacts) -> None:
        row = json.dumps(codec.to_dict(facts), ensure_ascii=False)
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
        ops.append(("INSERT INTO documents VALUES (?, ?)", [(d.id, dump(d)) for d in graph.documents]))
        ops.append(("INSERT INTO units VALUES (?, ?)", [(u.id, dump(u)) for u in graph.units]))
        ops.append(("INSERT INTO edges (source, target, relation, row) VALUES (?, ?, ?, ?)",
                    [(e.source, e.target, e.relation.value, dump(e)) for e in graph.edges]))
        ops.append(("INSERT INTO mentions (file, row) VALUES (?, ?)", [(m.file, dump(m)) for m in graph.mentions]))
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
            raise StoreError(f"store at {self.directory} cannot be read: {e}") from e

    def _one(self, sql, args):
        rows = self._rows(sql, args)
        return rows[0] if rows else None

    def _write(self, ops) -> None:
        if self.readonly:
            raise StoreError(f"store at {self.directory} is open read-only")
        try:
            with self.db:
                for sql, args in ops:
                    if isinstance(args, list):
                        self.db.executemany(sql, args)
                    else:
                        self.db.execute(sql, args)
        except sqlite3.Error as e:
            raise StoreError(f"cannot write to store at {self.directory}: {e}") from e
