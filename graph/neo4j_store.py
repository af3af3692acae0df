"""The Neo4j store: the same `Store` protocol over a Bolt server (Neo4j 5, or FalkorDB's Bolt).

Layout in the database:

* `(:Text {file, sha256, facts})` — what each text contributed (`facts`: the TextFacts as JSON; on
  FalkorDB long facts live in `(:Piece {file, i, text})` nodes instead, `pieces` set);
* `(:Node:Document {id, gen, n, row, type, date, province, issuer_unit})`,
  `(:Node:Unit {id, gen, n, row, name, level, province, parent})` and a bare `(:Node {id, gen, n})`
  for an edge endpoint that is neither; `row` is the object as JSON, so it comes back exactly;
* relationships typed by relation (`:IMPLEMENTS`, `:ISSUED` ...) with `confidence`, the evidence
  (`file`, `line`, `text`), `n` (position in the graph's edge list) and `pn` (position of the first
  edge between the same two nodes): they give back the embedded store's order of edges;
* `(:Mention {gen, n, file, document, row})`;
* `(:Meta {key: 'store', generation, stale, next, pending})`.

The resolved graph is written under a new generation number while readers keep reading the
current one; one statement then switches `generation`, and the old generation is deleted in
batches. A crash leaves the previous graph or the new one, never a mix (what an interrupted
write left is deleted by the next `replace_graph`). Every read names the current generation in
the same statement. Facts of one text are written (with the stale flag) by one statement.

Writes go in batches (`UNWIND $rows ... MERGE`, `batch_size` rows, relationships from this one
writer); every statement is parameterised (relationship types come from the `Relation` enum,
never from input); `database_=` is always passed; transient errors are retried by the driver's
managed transactions (`execute_query`). Constraints (Neo4j) or indexes (FalkorDB, which has no
`CREATE CONSTRAINT`) are created when a writable store opens.
"""
from __future__ import annotations

import atexit
import json
import os
import threading
from typing import Iterable, Iterator

from . import codec
from .errors import InputError, StoreError
from .model import Document, Edge, Evidence, Graph, Mention, Relation, TextFacts, Unit
from .derived import DOCUMENT_FACETS, Derived, facet_list, flag_keys, fold, sort_key, unit_names
from .store import breadth_first

BATCH = 10_000
REL_TYPE = {r: r.value.upper() for r in Relation}  # the only strings ever spliced into Cypher
_TYPE_REL = {v: k for k, v in REL_TYPE.items()}
ALL_TYPES = list(REL_TYPE.values())
_META = "MATCH (m:Meta {key: 'store'}) "
_EDGE = "s.id AS s, t.id AS t, type(r) AS type, r.confidence AS c, r.file AS f, r.line AS l, " \
        "r.text AS x, r.pn AS pn, r.n AS n"

NEO4J_SCHEMA = (
    "CREATE CONSTRAINT directives_meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
    "CREATE CONSTRAINT directives_text_file IF NOT EXISTS FOR (t:Text) REQUIRE t.file IS UNIQUE",
    "CREATE CONSTRAINT directives_node_id_gen IF NOT EXISTS FOR (n:Node) REQUIRE (n.id, n.gen) IS UNIQUE",
    "CREATE CONSTRAINT directives_mention_gen_n IF NOT EXISTS FOR (m:Mention) REQUIRE (m.gen, m.n) IS UNIQUE",
    "CREATE INDEX directives_node_id IF NOT EXISTS FOR (n:Node) ON (n.id)",
    "CREATE INDEX directives_node_gen IF NOT EXISTS FOR (n:Node) ON (n.gen)",
    "CREATE INDEX directives_mention_gen IF NOT EXISTS FOR (m:Mention) ON (m.gen)",
    "CREATE INDEX directives_mention_file IF NOT EXISTS FOR (m:Mention) ON (m.file)",
    "CREATE INDEX directives_mention_document IF NOT EXISTS FOR (m:Mention) ON (m.document)",
    "CREATE INDEX directives_node_n IF NOT EXISTS FOR (n:Node) ON (n.n)",
    "CREATE INDEX directives_node_unit_id IF NOT EXISTS FOR (n:Node) ON (n.unit_id)",
    "CREATE INDEX directives_node_parent IF NOT EXISTS FOR (n:Node) ON (n.parent)",
    "CREATE INDEX directives_document_sk IF NOT EXISTS FOR (n:Document) ON (n.sk)",
    "CREATE INDEX directives_tok_t IF NOT EXISTS FOR (k:Tok) ON (k.t)",
    "CREATE INDEX directives_tok_gen IF NOT EXISTS FOR (k:Tok) ON (k.gen)",
    "CREATE INDEX directives_stats_gen IF NOT EXISTS FOR (s:Stats) ON (s.gen)",
)
#: what a generation's nodes carry for the queries (graph.derived); a graph written with another
#: layout is rewritten when a writable store opens
LAYOUT = 2
#: FalkorDB: indexes only (no constraints, no IF NOT EXISTS): (label, properties)
FALKOR_INDEXES = (("Meta", ("key",)), ("Text", ("file",)), ("Node", ("id", "gen", "n", "unit_id", "parent")),
                  ("Mention", ("gen", "n", "file", "document")), ("Tok", ("t", "gen")), ("Stats", ("gen",)),
                  ("Piece", ("file",)))


def settings_from_env(env=None) -> dict:
    """Connection settings: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE,
    NEO4J_TIMEOUT (seconds to connect; default 10), NEO4J_POOL_SIZE (default 16)."""
    env = os.environ if env is None else env
    return {"uri": env.get("NEO4J_URI") or "bolt://localhost:7687",
            "user": env.get("NEO4J_USER") or None, "password": env.get("NEO4J_PASSWORD") or "",
            "database": env.get("NEO4J_DATABASE") or "neo4j",
            "timeout": float(env.get("NEO4J_TIMEOUT") or 10), "pool_size": int(env.get("NEO4J_POOL_SIZE") or 16)}


# --- one driver per server and credentials, for the whole process ------------------------------

_DRIVERS: dict[tuple, "_Driver"] = {}
_DRIVERS_LOCK = threading.Lock()


class _Driver:
    """A driver (connection pool) and what kind of server answers it."""

    def __init__(self, uri, auth, timeout, pool_size):
        import neo4j
        self.neo4j = neo4j
        self.uri = uri
        self.driver = neo4j.GraphDatabase.driver(
            uri, auth=auth, max_connection_pool_size=pool_size, connection_timeout=timeout,
            connection_acquisition_timeout=timeout, max_transaction_retry_time=30.0,
            user_agent="directives/0.1")
        self.flavor: str | None = None
        self.lock = threading.Lock()

    def detect(self, database: str) -> str:
        """"neo4j" when the server answers dbms.components() as Neo4j does, else "falkordb"
        (FalkorDB's Bolt also calls itself Neo4j/5.x in its hello)."""
        if self.flavor is None:
            with self.lock:
                if self.flavor is None:
                    self.driver.verify_connectivity()  # an unreachable server fails now, not after retries
                    try:
                        records, _, _ = self.driver.execute_query(
                            "CALL dbms.components() YIELD name RETURN name", database_=database)
                        name = records[0]["name"] if records else ""
                        self.flavor = "neo4j" if "neo4j" in str(name).lower() else "falkordb"
                    except self.neo4j.exceptions.ServiceUnavailable:
                        raise
                    except self.neo4j.exceptions.Neo4jError:
                        self.flavor = "falkordb"
        return self.flavor

    def close(self) -> None:
        if self.flavor == "falkordb":
            # FalkorDB's Bolt leaves the next handshake unanswered after a GOODBYE: close the
            # sockets without one (what a crashed client does; the server copes with that)
            try:
                for conns in list(self.driver._pool.connections.values()):  # noqa: SLF001
                    for conn in list(conns):
                        conn.kill()
            except Exception:  # noqa: BLE001 - a driver without these internals closes normally
                pass
        try:
            self.driver.close()
        except Exception:  # noqa: BLE001
            pass


def _driver(uri, auth, timeout, pool_size) -> _Driver:
    key = (uri, auth, timeout, pool_size)
    with _DRIVERS_LOCK:
        d = _DRIVERS.get(key)
        if d is None:
            d = _DRIVERS[key] = _Driver(uri, auth, timeout, pool_size)
        return d


@atexit.register
def close_drivers() -> None:
    """Close every pooled driver (at exit; tests may call it)."""
    with _DRIVERS_LOCK:
        drivers = list(_DRIVERS.values())
        _DRIVERS.clear()
    for d in drivers:
        d.close()


#: FalkorDB's Bolt builds "CYPHER p=... <query>" in a buffer of about 4 KB (version 4.16 crashes
#: past it): statements stay under this many bytes of parameters, long texts go in pieces
FALKOR_MAX_BYTES = 2800
#: FalkorDB: a whole statement (query text and pasted parameters) stays under this; a longer one,
#: which only a value typed by a user can make, is refused with an InputError instead
FALKOR_STATEMENT_BYTES = 3900
PIECE = 400  # characters (a Vietnamese character is up to 3 bytes, an escaped quote 2)
def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of a long text; no piece ends on a backslash, which FalkorDB's
    pasting of parameters into the query would read as escaping the closing quote."""
    i = 0
    while i < len(text):
        j = min(i + PIECE, len(text))
        while i + 1 < j < len(text) and text[j - 1] == "\\":
            j -= 1
        yield i, j
        i = j




def _size(value) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8")) + 16


def _falkor_params(value):
    """FalkorDB's Bolt writes string parameters into the query text between quotes without
    escaping them (a quote breaks the statement, a backslash sequence is read as an escape):
    escape them so that the server reads back exactly the string sent. Results are not affected."""
    if isinstance(value, str):
        if "\\" in value or "'" in value or '"' in value:
            return value.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')
        return value
    if isinstance(value, dict):
        return {k: _falkor_params(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_falkor_params(v) for v in value]
    return value


class Neo4jStore:
    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, readonly: bool = False, create: bool = True,
                 batch_size: int = BATCH, timeout: float | None = None, pool_size: int | None = None):
        env = settings_from_env()
        self.uri = uri or env["uri"]
        self.database = database or env["database"]
        self.readonly = readonly
        self.batch_size = max(1, int(batch_size))
        self.pool_size = int(pool_size or env["pool_size"])
        user = user if user is not None else env["user"]
        password = password if password is not None else env["password"]
        auth = (user, password or "") if user else None
        self._user, self._password = user or "", password or ""
        try:
            self._d = _driver(self.uri, auth, float(timeout or env["timeout"]), self.pool_size)
            self.neo4j = self._d.neo4j
            self.flavor = self._d.detect(self.database)
            self.max_bytes = FALKOR_MAX_BYTES if self.flavor == "falkordb" else None
            exists = self._exists()
            if not exists and (readonly or not create):
                raise StoreError(f"no store in database {self.database!r} at {self.uri} "
                                 "(run `directives ingest` or `directives push --to neo4j` first)")
            if not readonly:  # the graph first: FalkorDB creates no index in a graph that does not exist
                self._run("MERGE (m:Meta {key: 'store'}) ON CREATE SET m.stale = false, m.next = 1, m.pending = []")
                self._schema()
                self._upgrade()
        except StoreError:
            raise
        except Exception as e:  # noqa: BLE001 - driver errors of every kind
            raise self._error("cannot open", e) from e
        self._closed = False

    max_bytes: int | None = None

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r}, flavor={self.flavor!r})"

    # --- plumbing -------------------------------------------------------------------------
    def _error(self, what: str, e: Exception) -> StoreError:
        return StoreError(f"{what} the Neo4j store {self.database!r} at {self.uri}: {type(e).__name__}: {e}")

    def _run(self, query: str, read: bool = False, **params) -> list:
        """One statement in a managed transaction (retried on transient errors): its records."""
        if self.flavor == "falkordb":
            params = _falkor_params(params)
            if len(query.encode("utf-8")) + _size(params) > FALKOR_STATEMENT_BYTES:
                raise InputError(f"a value too long for the server at {self.uri} (FalkorDB's Bolt takes "
                                 f"statements of at most {FALKOR_STATEMENT_BYTES} bytes)")
        try:
            if self.flavor == "falkordb":
                return self._autocommit(query, params, read)
            records, _, _ = self._d.driver.execute_query(
                query, params, database_=self.database,
                routing_=self.neo4j.RoutingControl.READ if read else self.neo4j.RoutingControl.WRITE)
            return records
        except Exception as e:  # noqa: BLE001
            raise self._error("cannot read" if read else "cannot write to", e) from e

    def _autocommit(self, query: str, params: dict, read: bool, attempts: int = 5) -> list:
        """FalkorDB: one auto-commit statement, retried like a managed transaction. Its Bolt (4.16)
        has no transactions (BEGIN/COMMIT are acknowledged, nothing is rolled back) and names the
        graph after the first key of RUN's `extra` map: always the same access mode, so that every
        statement reaches the same graph (one graph per server, whatever the database name)."""
        import time
        ex = self.neo4j.exceptions
        for attempt in range(attempts):
            try:
                with self._d.driver.session(database=self.database,
                                            default_access_mode=self.neo4j.WRITE_ACCESS) as session:
                    return list(session.run(query, params))
            except (ex.ServiceUnavailable, ex.SessionExpired, ex.TransientError):
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2 * 2 ** attempt)

    def _read(self, query: str, **params) -> list:
        return self._run(query, True, **params)

    def _write(self, query: str, **params) -> list:
        if self.readonly:
            raise StoreError(f"the Neo4j store {self.database!r} at {self.uri} is open read-only")
        return self._run(query, False, **params)

    def _exists(self) -> bool:
        return bool(self._read("OPTIONAL MATCH (m:Meta {key: 'store'}) RETURN m IS NOT NULL AS e")[0]["e"])

    def _schema(self) -> None:
        if self.flavor == "neo4j":
            for statement in NEO4J_SCHEMA:
                self._run(statement)
            return
        have = set()
        for r in self._read("CALL db.indexes() YIELD label, properties RETURN label, properties"):
            for p in r["properties"] or ():
                have.add((r["label"], p))
        for label, props in FALKOR_INDEXES:
            missing = [p for p in props if (label, p) not in have]
            if missing:  # labels and property names are the constants above
                self._run(f"CREATE INDEX FOR (n:{label}) ON ({', '.join('n.' + p for p in missing)})")

    def _upgrade(self) -> None:
        """A graph written by an earlier version lacks what the queries read (derived rows, search
        tokens, counts): write it again, once, in the current layout."""
        rows = self._read("MATCH (m:Meta {key: 'store'}) RETURN m.generation AS g, m.layout AS layout")
        if rows and rows[0]["g"] is not None and rows[0]["layout"] != LAYOUT:
            stale = self.stale()
            self.replace_graph(Graph(tuple(self.documents()), tuple(self.units()), tuple(self.edges()),
                                     tuple(self.mentions())))
            if stale:
                self._write("MATCH (m:Meta {key: 'store'}) SET m.stale = true")

    def _batches(self, rows: list, limit: int | None = None) -> Iterator[list]:
        """`rows` in batches of `batch_size` (or `limit`) rows; on FalkorDB also of at most
        `max_bytes` of parameters (it writes them into the statement's text, in a small buffer)."""
        size = limit or self.batch_size
        if self.max_bytes is None:
            for i in range(0, len(rows), size):
                yield rows[i:i + size]
            return
        batch, used = [], 0
        for row in rows:
            n = _size(row)
            if batch and (len(batch) >= size or used + n > self.max_bytes):
                yield batch
                batch, used = [], 0
            batch.append(row)
            used += n
        if batch:
            yield batch

    def _fit(self, rows: list, fields: tuple[str, ...]) -> tuple[list, list]:
        """FalkorDB: rows too large for one statement lose their long `fields` (written as "");
        returns (rows, [(row, field, text)]) for `_append` to add the text back in pieces."""
        if self.max_bytes is None:
            return rows, []
        out, later = [], []
        for row in rows:
            if _size(row) > self.max_bytes:
                row = dict(row)
                for f in sorted((f for f in fields if isinstance(row.get(f), str)), key=lambda f: -len(row[f])):
                    if _size(row) <= self.max_bytes or not row[f]:
                        break
                    later.append((row, f, row[f]))
                    row[f] = ""
            out.append(row)
        return out, later

    def _append(self, query: str, later: list, **params) -> None:
        """Add long texts back piece by piece: `query` takes $row (the row), $piece, $at (and
        `params`). Each append must be idempotent — a retried statement may already have run —
        so `query` guards on the length so far: `WHERE size(x.f) = $at SET x.f = x.f + $piece`."""
        for row, field, text in later:  # only what names the row: the statement stays small
            key = {k: row[k] for k in ("id", "n", "s", "t", "file") if k in row}
            for i, j in _pieces(text):
                self._write(query.replace("FIELD", field), row=key, piece=text[i:j], at=i, **params)

    # --- facts ---------------------------------------------------------------------------
    def file_hash(self, file: str) -> str | None:
        rows = self._read("MATCH (t:Text {file: $file}) RETURN t.sha256 AS h", file=file)
        return rows[0]["h"] if rows else None

    def put_facts(self, facts: TextFacts, encoded: str | None = None) -> None:
        self.put_facts_many([facts], [encoded])

    def put_facts_many(self, many: Iterable[TextFacts], encoded: Iterable[str | None] = ()) -> int:
        """Facts of many texts, in batches (each batch one statement, with the stale flag);
        `encoded`: `codec.dumps` of each, where the caller has it."""
        many = list(many)
        encoded = list(encoded) or [None] * len(many)
        rows = [{"file": f.file, "sha256": f.sha256, "facts": e if e is not None else codec.dumps(f)}
                for f, e in zip(many, encoded)]
        if self.readonly:
            raise StoreError(f"the Neo4j store {self.database!r} at {self.uri} is open read-only")
        rows, later = self._fit(rows, ("facts",))
        if later:  # FalkorDB: long facts go to (:Piece {file, i, text}) nodes, each written idempotently
            files = [r["file"] for r, _, _ in later]
            self._write("UNWIND $files AS f MATCH (p:Piece {file: f}) DELETE p", files=files)
            self._append("MERGE (p:Piece {file: $row.file, i: $at}) SET p.text = $piece", later)
            for batch in self._batches([{"file": r["file"], "sha256": r["sha256"]} for r, _, _ in later]):
                self._write("UNWIND $rows AS r MERGE (t:Text {file: r.file}) SET t.sha256 = r.sha256, "
                            "t.facts = null, t.pieces = true WITH count(t) AS c "
                            "MERGE (m:Meta {key: 'store'}) SET m.stale = true", rows=batch)
            rows = [r for r in rows if r["file"] not in set(files)]
        for batch in self._batches(rows, 200):  # a text's facts are large: smaller batches
            self._write("UNWIND $rows AS r MERGE (t:Text {file: r.file}) SET t.sha256 = r.sha256, t.facts = r.facts, "
                        "t.pieces = null "
                        "WITH count(t) AS c MERGE (m:Meta {key: 'store'}) SET m.stale = true", rows=batch)
        return len(rows) + len(later)

    def remove_facts(self, file: str) -> bool:
        if self.file_hash(file) is None:
            return False
        self._write("MATCH (p:Piece {file: $file}) DELETE p", file=file)
        rows = self._write("MATCH (t:Text {file: $file}) DELETE t WITH count(*) AS c "
                           "MERGE (m:Meta {key: 'store'}) SET m.stale = true RETURN c", file=file)
        return bool(rows and rows[0]["c"])

    def all_facts(self) -> Iterator[TextFacts]:
        after = None
        while True:
            rows = self._read("MATCH (t:Text) WHERE $after IS NULL OR t.file > $after "
                              "RETURN t.file AS file, " + self._facts_column() + " ORDER BY t.file LIMIT $n",
                              after=after, n=50)
            for r in rows:
                yield self._facts_of(r)
            if len(rows) < 50:
                return
            after = rows[-1]["file"]

    def facts(self, file: str) -> TextFacts | None:
        rows = self._read("MATCH (t:Text {file: $file}) RETURN t.file AS file, " + self._facts_column(), file=file)
        return self._facts_of(rows[0]) if rows else None

    def _facts_column(self) -> str:
        return "t.facts AS facts, t.pieces AS pieces"

    def _facts_of(self, row) -> TextFacts:
        """FalkorDB's Bolt answers no record past 64 KB: long facts come back piece by piece."""
        text = row["facts"]
        if text is None and row.get("pieces"):
            text = "".join(r["text"] for r in self._read(
                "MATCH (p:Piece {file: $file}) RETURN p.i AS i, p.text AS text ORDER BY p.i", file=row["file"]))
        return codec.loads(TextFacts, text)

    def files(self) -> list[str]:
        return sorted(r["file"] for r in self._read("MATCH (t:Text) RETURN t.file AS file"))

    # --- the resolved graph ------------------------------------------------------------------
    def replace_graph(self, graph: Graph) -> None:
        if self.readonly:
            raise StoreError(f"the Neo4j store {self.database!r} at {self.uri} is open read-only")
        # reserve a generation; note it as pending until it is current, so a crash leaves garbage
        # that the next write deletes, never a half graph that readers see
        meta = self._write("MERGE (m:Meta {key: 'store'}) ON CREATE SET m.stale = false, m.next = 1, m.pending = [] "
                           "WITH m, coalesce(m.next, 1) AS g "
                           "SET m.next = g + 1, m.pending = coalesce(m.pending, []) + [g] "
                           "RETURN g, m.generation AS current, m.pending AS pending")[0]
        gen, current = meta["g"], meta["current"]
        for old in meta["pending"]:
            if old != gen and old != current:
                self._drop(old)
        n_docs, n_nodes = self._write_graph(graph, gen)
        self._write("MATCH (m:Meta {key: 'store'}) SET m.generation = $g, m.stale = false, m.layout = $layout, "
                    "m.n_docs = $n_docs, m.n_nodes = $n_nodes, "
                    "m.pending = [p IN coalesce(m.pending, []) WHERE p <> $g] + "
                    "CASE WHEN $old IS NULL THEN [] ELSE [$old] END", g=gen, old=current, layout=LAYOUT,
                    n_docs=n_docs, n_nodes=n_nodes)
        if current is not None:
            self._drop(current)

    def _write_graph(self, graph: Graph, gen: int) -> tuple[int, int]:
        """Write generation `gen`: nodes with what the queries read (graph.derived: list rows,
        issuers, filter keys, counts per unit), relationships, mentions, the search index and the
        statistics. Returns (documents, documents + units): the ranges of node positions."""
        dump = codec.dumps
        js = lambda o: json.dumps(o, ensure_ascii=False)  # noqa: E731
        der = Derived(graph.documents, graph.units, graph.edges)
        # positions start at 1: FalkorDB 4.16, once it has loaded a dump, finds no node whose
        # indexed number is 0 (so a MERGE on it would make a second one)
        seq = 1
        docs, units, bare = [], [], []
        known = set()
        for d in graph.documents:
            r = der.row[d.id]
            issuer = der.issuers.get(d.id)
            docs.append({"id": d.id, "n": seq, "row": dump(d), "type": d.type, "date": d.date,
                         "province": d.province, "issuer_unit": d.issuer_unit, "qrow": js(r),
                         "names": js(der.names[d.id]), "text": der.text[d.id], "issuer": issuer.id if issuer else None,
                         "f_type": fold(r["type"]), "f_unit": fold(r["unit"]), "unit_id": r["unit_id"],
                         "f_province": fold(r["province"]), "level": r["level"], "year": r["year"],
                         "flags": flag_keys(d.flags), "sk": sort_key(r), "r_unit": r["unit"],
                         "r_province": r["province"]})
            known.add(d.id)
            seq += 1
        for u in graph.units:
            issued, carried = der.unit_counts(u.id)
            units.append({"id": u.id, "n": seq, "row": dump(u), "name": u.name, "level": u.level.value,
                          "province": u.province, "parent": u.parent, "f_name": fold(u.name),
                          "f_province": fold(u.province), "f_kind": fold(u.kind), "ftext": fold(f"{u.name} {u.id}"),
                          "names": js(unit_names(u)), "n_issued": issued, "n_carried": carried})
            known.add(u.id)
            seq += 1
        for e in graph.edges:  # endpoints the graph does not describe, in the order they appear
            for node in (e.source, e.target):
                if node not in known:
                    known.add(node)
                    bare.append({"id": node, "n": seq})
                    seq += 1
        for label, rows, props in (("Document", docs, "n.row = r.row, n.type = r.type, n.date = r.date, "
                                                     "n.province = r.province, n.issuer_unit = r.issuer_unit, "
                                                     "n.qrow = r.qrow, n.names = r.names, n.text = r.text, "
                                                     "n.issuer = r.issuer, n.f_type = r.f_type, n.f_unit = r.f_unit, "
                                                     "n.unit_id = r.unit_id, n.f_province = r.f_province, "
                                                     "n.level = r.level, n.year = r.year, n.flags = r.flags, "
                                                     "n.sk = r.sk, n.r_unit = r.r_unit, n.r_province = r.r_province"),
                                   ("Unit", units, "n.row = r.row, n.name = r.name, n.level = r.level, "
                                                   "n.province = r.province, n.parent = r.parent, "
                                                   "n.f_name = r.f_name, n.f_province = r.f_province, "
                                                   "n.f_kind = r.f_kind, n.ftext = r.ftext, n.names = r.names, "
                                                   "n.n_issued = r.n_issued, n.n_carried = r.n_carried"),
                                   (None, bare, None)):
            set_clause = "SET n.n = r.n" + (f", {props}, n:{label}" if label else "")
            rows, later = self._fit(rows, ("row", "qrow", "names", "text"))
            for batch in self._batches(rows):
                self._write(f"UNWIND $rows AS r MERGE (n:Node {{id: r.id, gen: $gen}}) {set_clause}",
                            rows=batch, gen=gen)
            self._append("MATCH (n:Node {id: $row.id, gen: $gen}) WHERE size(n.FIELD) = $at "
                         "SET n.FIELD = n.FIELD + $piece", later, gen=gen)
        first: dict[tuple, int] = {}
        by_type: dict[str, list] = {}
        for i, e in enumerate(graph.edges):
            pn = first.setdefault((e.source, e.target), i)
            by_type.setdefault(REL_TYPE[e.relation], []).append(
                {"s": e.source, "t": e.target, "n": i, "pn": pn, "c": e.confidence, "f": e.evidence.file,
                 "l": e.evidence.line, "x": e.evidence.text})
        for rel_type, rows in by_type.items():  # one writer: batches one after another, no lock waits
            rows, later = self._fit(rows, ("x",))
            for batch in self._batches(rows):
                self._write(f"UNWIND $rows AS r MATCH (s:Node {{id: r.s, gen: $gen}}) "
                            f"MATCH (t:Node {{id: r.t, gen: $gen}}) MERGE (s)-[e:{rel_type} {{n: r.n}}]->(t) "
                            "SET e.pn = r.pn, e.confidence = r.c, e.file = r.f, e.line = r.l, e.text = r.x",
                            rows=batch, gen=gen)
            self._append(f"MATCH (s:Node {{id: $row.s, gen: $gen}})-[e:{rel_type} {{n: $row.n}}]->() "
                         "WHERE size(e.text) = $at SET e.text = e.text + $piece", later, gen=gen)
        mentions = [{"n": i, "file": m.file, "document": m.document, "row": dump(m)}
                    for i, m in enumerate(graph.mentions, 1)]
        mentions, later = self._fit(mentions, ("row",))
        for batch in self._batches(mentions):
            self._write("UNWIND $rows AS r MERGE (m:Mention {gen: $gen, n: r.n}) "
                        "SET m.file = r.file, m.document = r.document, m.row = r.row", rows=batch, gen=gen)
        self._append("MATCH (m:Mention {gen: $gen, n: $row.n}) WHERE size(m.row) = $at SET m.row = m.row + $piece",
                     later, gen=gen)
        # the search index: (:Tok {gen, t, i, ids}) — token, chunk number, node positions
        chunk = 5000 if self.max_bytes is None else 300
        toks = [{"t": t, "i": i // chunk + 1, "ids": [n + 1 for n in ns[i:i + chunk]]}
                for t, ns in der.postings().items() for i in range(0, len(ns), chunk)]
        for batch in self._batches(toks):
            self._write("UNWIND $rows AS r MERGE (k:Tok {gen: $gen, t: r.t, i: r.i}) SET k.ids = r.ids",
                        rows=batch, gen=gen)
        resolutions: dict[str, int] = {}
        for m in graph.mentions:
            resolutions[m.resolution] = resolutions.get(m.resolution, 0) + 1
        counts = js(der.counts(len(graph.mentions), len({m.file for m in graph.mentions}), resolutions))
        rows, later = self._fit([{"counts": counts}], ("counts",))
        self._write("MERGE (s:Stats {gen: $gen}) SET s.counts = $row.counts", row=rows[0], gen=gen)
        self._append("MATCH (s:Stats {gen: $gen}) WHERE size(s.FIELD) = $at SET s.FIELD = s.FIELD + $piece",
                     later, gen=gen)
        return len(graph.documents), len(graph.documents) + len(graph.units)

    def _drop(self, gen: int) -> None:
        """Delete generation `gen` in batches, then forget it."""
        for label in ("Node", "Mention", "Tok", "Stats"):
            while True:
                rows = self._write(f"MATCH (n:{label}) WHERE n.gen = $gen WITH n LIMIT $n DETACH DELETE n "
                                   "RETURN count(*) AS c", gen=gen, n=self.batch_size)
                if not rows or not rows[0]["c"]:
                    break
        self._write("MATCH (m:Meta {key: 'store'}) SET m.pending = [p IN coalesce(m.pending, []) WHERE p <> $g]",
                    g=gen)

    def stale(self) -> bool:
        rows = self._read("OPTIONAL MATCH (m:Meta {key: 'store'}) RETURN m.stale AS s")
        return bool(rows and rows[0]["s"])

    def graph_version(self):
        """The current generation: changes whenever the graph is replaced (by any process)."""
        rows = self._read("OPTIONAL MATCH (m:Meta {key: 'store'}) RETURN m.generation AS g")
        return rows[0]["g"] if rows else None

    def _node(self, node_id: str, label: str, cls):
        rows = self._read(_META + "MATCH (n:Node {id: $id}) WHERE n.gen = m.generation AND n:" + label +
                          " RETURN n.row AS row", id=node_id)
        return codec.loads(cls, rows[0]["row"]) if rows else None

    def _page(self) -> int:
        return 200 if self.max_bytes is not None else 5000

    def _nodes(self, label: str, cls) -> Iterator:
        """Every node of a label (Document, Unit, Mention ...), streamed page by page in store order."""
        after = -1
        while True:
            rows = self._read(_META + "MATCH (n:" + label + ") WHERE n.gen = m.generation AND n.n > $after "
                              "RETURN n.row AS row, n.n AS n ORDER BY n.n LIMIT $page", after=after, page=self._page())
            for r in rows:
                yield codec.loads(cls, r["row"])
            if len(rows) < self._page():
                return
            after = rows[-1]["n"]

    def document(self, doc_id: str) -> Document | None:
        return self._node(doc_id, "Document", Document)

    def documents(self) -> Iterator[Document]:
        return self._nodes("Document", Document)

    def unit(self, unit_id: str) -> Unit | None:
        return self._node(unit_id, "Unit", Unit)

    def units(self) -> Iterator[Unit]:
        return self._nodes("Unit", Unit)

    @staticmethod
    def _edge(r) -> Edge:
        return Edge(r["s"], r["t"], _TYPE_REL[r["type"]], r["c"], Evidence(r["f"], r["l"], r["x"]))

    def edges(self) -> Iterator[Edge]:
        """Every edge, streamed by ranges of source positions, in the embedded store's order."""
        top = self._read(_META + "MATCH (s:Node) WHERE s.gen = m.generation RETURN max(s.n) AS top")
        top = top[0]["top"] if top else None
        if top is None:
            return
        step = self._page()
        for lo in range(0, top + 1, step):
            rows = self._read(_META + "MATCH (s:Node) WHERE s.gen = m.generation AND s.n >= $lo AND s.n < $hi "
                              "MATCH (s)-[r]->(t:Node) RETURN s.n AS sn, " + _EDGE, lo=lo, hi=lo + step)
            rows.sort(key=lambda r: (r["sn"], r["pn"], r["n"]))
            for r in rows:
                yield self._edge(r)

    def edges_to(self, node_id, relations=None) -> list[Edge]:
        return self.neighbourhood(node_id, 0, relations, "in").get(node_id, [])

    def edges_from(self, node_id, relations=None) -> list[Edge]:
        return self.neighbourhood(node_id, 0, relations, "out").get(node_id, [])

    def neighbourhood(self, node_ids, depth: int | None = 1, relations=None, direction: str = "both"
                      ) -> dict[str, list[Edge]]:
        """Breadth first from `node_ids`, one statement per level (and direction) over the frontier."""
        if direction not in ("in", "out", "both"):
            raise ValueError(f"direction must be in, out or both, not {direction!r}")
        roots = [node_ids] if isinstance(node_ids, str) else list(dict.fromkeys(node_ids))
        types = [REL_TYPE[Relation(r)] for r in relations] if relations is not None else ALL_TYPES
        sides = ("out", "in") if direction == "both" else (direction,)

        def level_edges(frontier: list[str]) -> dict[str, list[Edge]]:
            found: dict[tuple, list] = {}
            for batch in self._batches(frontier):
                for side in sides:
                    pattern = "(s)-[r]->(t:Node)" if side == "out" else "(s:Node)-[r]->(t)"
                    anchor = "s" if side == "out" else "t"
                    rows = self._read(
                        "UNWIND $ids AS id " + _META + f"MATCH ({anchor}:Node {{id: id}}) WHERE {anchor}.gen = m.generation "
                        f"MATCH {pattern} WHERE type(r) IN $types RETURN " + _EDGE, ids=batch, types=types)
                    for r in rows:
                        found.setdefault((r["s"] if side == "out" else r["t"], side), []).append(r)
            return {node: [self._edge(r) for side in sides
                           for r in sorted(found.get((node, side), ()), key=lambda r: (r["pn"], r["n"]))]
                    for node in frontier}

        return breadth_first(roots, depth, level_edges)

    def edges_among(self, node_ids: Iterable[str]) -> list[Edge]:
        ids = list(dict.fromkeys(node_ids))
        wanted = set(ids)
        rows = []
        for batch in self._batches(ids):
            rows += [r for r in self._read(
                "UNWIND $ids AS id " + _META + "MATCH (s:Node {id: id}) WHERE s.gen = m.generation "
                "MATCH (s)-[r]->(t:Node) RETURN s.n AS sn, " + _EDGE.replace("a.id AS a, ", ""), ids=batch)
                if r["t"] in wanted]
        rows.sort(key=lambda r: (r["sn"], r["pn"], r["n"]))
        return [self._edge(r) for r in rows]

    def mentions(self, file: str | None = None) -> Iterable[Mention]:
        if file is None:
            return self._nodes("Mention", Mention)
        else:
            rows = self._read(_META + "MATCH (x:Mention) WHERE x.gen = m.generation AND x.file = $file "
                              "RETURN x.row AS row, x.n AS n", file=file)
        return [codec.loads(Mention, r["row"]) for r in sorted(rows, key=lambda r: r["n"])]

    # --- query support (graph.store.Store): properties written with the graph, read by key ---
    def _by_ids(self, ids, label: str, columns: str) -> list:
        """Records of the current generation's `label` nodes with these ids (batched)."""
        out = []
        for batch in self._batches(list(dict.fromkeys(i for i in ids if i is not None))):
            out += self._read("UNWIND $ids AS id " + _META + "MATCH (n:Node {id: id}) WHERE n.gen = m.generation "
                              "AND n:" + label + " RETURN n.id AS id, " + columns, ids=batch)
        return out

    def documents_by_ids(self, ids) -> dict[str, Document]:
        return {r["id"]: codec.loads(Document, r["row"])
                for r in self._by_ids(ids, "Document", "n.row AS row")}

    def units_by_ids(self, ids) -> dict[str, Unit]:
        return {r["id"]: codec.loads(Unit, r["row"]) for r in self._by_ids(ids, "Unit", "n.row AS row")}

    def document_rows(self, ids) -> dict[str, dict]:
        return {r["id"]: json.loads(r["row"]) for r in self._by_ids(ids, "Document", "n.qrow AS row")}

    def issuers(self, doc_ids) -> dict[str, Unit]:
        # two statements: on FalkorDB a join on n.issuer in one statement is three times slower
        of = {r["id"]: r["u"] for r in self._by_ids(doc_ids, "Document", "n.issuer AS u") if r["u"] is not None}
        units = self.units_by_ids(set(of.values()))
        return {d: units[u] for d, u in of.items() if u in units}

    def unit_counts(self, unit_ids) -> dict[str, tuple[int, int]]:
        return {r["id"]: (r["a"] or 0, r["b"] or 0)
                for r in self._by_ids(unit_ids, "Unit", "n.n_issued AS a, n.n_carried AS b")}

    def issued_by(self, unit_id: str) -> list[str]:
        rows = self._read(_META + "MATCH (n:Node {unit_id: $u}) WHERE n.gen = m.generation AND n:Document "
                          "RETURN n.id AS id, n.sk AS sk", u=unit_id)
        return [r["id"] for r in sorted(rows, key=lambda r: r["sk"])]

    #: document_list filters: (name, condition on n, how the value is sent); constant text only
    _LIST_FILTERS = (("type", "n.f_type = $type", fold), ("unit", "(n.unit_id = $unit OR n.f_unit = $funit)", None),
                     ("province", "n.f_province = $province", fold), ("level", "n.level = $level", None),
                     ("year_from", "n.year >= $year_from", None), ("year_to", "n.year <= $year_to", None),
                     ("flag", "$flag IN n.flags", None), ("words", "all(w IN $words WHERE n.text CONTAINS w)", list))

    def document_list(self, filters: dict, after, limit: int) -> dict:
        where, params = ["n.gen = m.generation"], {}
        for name, condition, convert in self._LIST_FILTERS:
            value = filters.get(name)
            if value is None or value == "" or value == []:
                continue
            where.append(condition)
            params[name] = convert(value) if convert else value
            if name == "unit":
                params["funit"] = fold(value)
        match = _META + "MATCH (n:Document) WHERE " + " AND ".join(where)
        start = f"{after[0]} {after[1]} {after[2]}" if after is not None else None
        rows = self._read(match + " AND ($after IS NULL OR n.sk > $after) RETURN n.qrow AS row, n.sk AS sk "
                          "ORDER BY n.sk LIMIT $n", after=start, n=limit + 1, **params)
        facets: dict[str, dict] = {f: {} for f in ("", *DOCUMENT_FACETS)}
        for r in self._read(match + " WITH n UNWIND [['', 0], ['type', n.type], ['unit', n.r_unit], "
                            "['province', n.r_province], ['level', n.level], ['year', n.year]] AS kv "
                            "WITH kv[0] AS f, kv[1] AS v WHERE v IS NOT NULL RETURN f, v, count(*) AS c", **params):
            facets[r["f"]][r["v"]] = r["c"]
        return {"rows": [json.loads(r["row"]) for r in rows[:limit]], "more": len(rows) > limit,
                "total": sum(facets.pop("").values()), "facets": {f: facet_list(c) for f, c in facets.items()}}

    def find_units(self, *, level=None, province=None, kind=None, parent=None, name=None, words=()) -> list[Unit]:
        where, params = ["n.gen = m.generation"], {}
        for key, condition, value in (("level", "n.level = $level", level),
                                      ("province", "n.f_province = $province", fold(province) if province is not None else None),
                                      ("kind", "n.f_kind = $kind", fold(kind) if kind is not None else None),
                                      ("parent", "n.parent = $parent", parent),
                                      ("name", "n.f_name = $name", fold(name) if name is not None else None),
                                      ("words", "all(w IN $words WHERE n.ftext CONTAINS w)", list(words) or None)):
            if value is not None:
                where.append(condition)
                params[key] = value
        rows = self._read(_META + "MATCH (n:Unit) WHERE " + " AND ".join(where) + " RETURN n.row AS row, n.n AS n",
                          **params)
        return [codec.loads(Unit, r["row"]) for r in sorted(rows, key=lambda r: r["n"])]

    def mentions_of(self, doc_id: str) -> list[Mention]:
        rows = self._read(_META + "MATCH (x:Mention {document: $d}) WHERE x.gen = m.generation "
                          "RETURN x.row AS row, x.n AS n", d=doc_id)
        return [codec.loads(Mention, r["row"]) for r in sorted(rows, key=lambda r: r["n"])]

    def mention_counts(self) -> dict[str, tuple[int, int]]:
        rows = self._read(_META + "MATCH (x:Mention) WHERE x.gen = m.generation "
                          "RETURN x.file AS f, count(*) AS c, count(DISTINCT x.document) AS d")
        return {r["f"]: (r["c"], r["d"]) for r in rows}

    def search_candidates(self, query_tokens, kind=None, limit: int = 2000) -> list[tuple[str, int]]:
        """The search index on the server: a query token matches its own Tok nodes, or (when there
        are none) those it is a prefix of; nodes ranked by how many tokens they match, then by
        position, as `graph.derived.TokenIndex.candidates` ranks them."""
        toks = list(dict.fromkeys(query_tokens))
        if not toks or kind not in (None, "document", "unit"):
            return []
        rows = self._read(
            "UNWIND range(0, size($toks) - 1) AS qi " + _META +
            "OPTIONAL MATCH (e:Tok {t: $toks[qi]}) WHERE e.gen = m.generation "
            "WITH m, qi, count(e) AS exact "
            "MATCH (k:Tok) WHERE k.gen = m.generation AND (k.t = $toks[qi] OR (exact = 0 AND k.t STARTS WITH $toks[qi])) "
            "UNWIND k.ids AS i "
            "WITH m, i, count(DISTINCT qi) AS hits "
            "WHERE ($kind IS NULL AND i <= m.n_nodes) OR ($kind = 'document' AND i <= m.n_docs) "
            "OR ($kind = 'unit' AND i > m.n_docs AND i <= m.n_nodes) "
            "WITH m, i, hits ORDER BY hits DESC, i LIMIT $limit "
            "MATCH (n:Node {n: i}) WHERE n.gen = m.generation "
            "RETURN n.id AS id, hits, i", toks=toks, kind=kind, limit=limit)
        return [(r["id"], r["hits"]) for r in sorted(rows, key=lambda r: (-r["hits"], r["i"]))]

    def search_keys(self, ids) -> dict[str, tuple[list[str], str]]:
        return {r["id"]: (json.loads(r["names"]), r["text"] or "")
                for r in self._by_ids(ids, "Node", "n.names AS names, n.text AS text") if r["names"]}

    def graph_counts(self) -> dict:
        rows = self._read(_META + "MATCH (s:Stats) WHERE s.gen = m.generation RETURN s.counts AS c")
        if not rows:
            return Derived((), (), ()).counts(0, 0, {})
        return json.loads(rows[0]["c"])

    # --- housekeeping ------------------------------------------------------------------------
    def clear(self) -> None:
        """Delete everything this store keeps in its database (texts, graph, meta)."""
        for label in ("Node", "Mention", "Tok", "Stats", "Piece", "Text", "Meta"):
            while True:
                rows = self._write(f"MATCH (n:{label}) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS c",
                                   n=self.batch_size)
                if not rows or not rows[0]["c"]:
                    break

    def close(self) -> None:
        self._closed = True  # the driver (connection pool) stays for the next store of this process
