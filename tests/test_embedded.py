"""The embedded store's own promises: questions answered by indexed SQL (nothing loaded whole),
the previous version's order of edges (that of a networkx MultiDiGraph), stores written by the
previous version (JSON rows only) still answering the same, read-only or upgraded in place."""
from __future__ import annotations

import json
import random
import sqlite3
import threading

import networkx as nx
import pytest

from graph import codec
from graph.embedded import DB_NAME, LAYOUT, EmbeddedStore
from graph.model import CARRY_OUT, Document, Edge, Evidence, Graph, Level, Mention, Relation, Unit
from test_store_contract import CT05, GRAPH, KH47, NAM_PO

#: the previous version's schema and rows (graph/embedded.py before the indexed layout)
LEGACY_SCHEMA = """
CREATE TABLE IF NOT EXISTS texts (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (id TEXT PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (n INTEGER PRIMARY KEY, source TEXT, target TEXT, relation TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (n INTEGER PRIMARY KEY, file TEXT, row TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS mentions_file ON mentions(file);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(json_extract(row, '$.document'));
"""


def write_legacy(directory, graph: Graph) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(directory / DB_NAME)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(LEGACY_SCHEMA)
    dump = lambda o: json.dumps(codec.to_dict(o), ensure_ascii=False)  # noqa: E731
    with db:
        db.executemany("INSERT INTO documents VALUES (?, ?)", [(d.id, dump(d)) for d in graph.documents])
        db.executemany("INSERT INTO units VALUES (?, ?)", [(u.id, dump(u)) for u in graph.units])
        db.executemany("INSERT INTO edges (source, target, relation, row) VALUES (?, ?, ?, ?)",
                       [(e.source, e.target, e.relation.value, dump(e)) for e in graph.edges])
        db.executemany("INSERT INTO mentions (file, row) VALUES (?, ?)", [(m.file, dump(m)) for m in graph.mentions])
        db.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '0')")
    db.close()


def random_graph(seed: int, docs: int = 40, units: int = 8, edges: int = 160) -> Graph:
    """Documents, units and edges in a shuffled order, with repeated pairs and endpoints that are
    neither a document nor a unit (as the resolver may leave)."""
    rng = random.Random(seed)
    ds = [Document(f"d{i}", rng.choice(["Kế hoạch", "Chỉ thị"]), str(i), "KH/TU", "-", f"Tỉnh ủy {i % 3}",
                   "Hà Nội", rng.choice([None, f"20{10 + i % 9}-0{1 + i % 9}-1{i % 9}"]),
                   flags=rng.choice([(), ("garbled-code:X",)]))
          for i in rng.sample(range(docs), docs)]
    us = [Unit(f"u{i}", f"Huyện ủy {i}", Level.DISTRICT, "Hà Nội", parent=f"u{i - 1}" if i else None)
          for i in rng.sample(range(units), units)]
    nodes = [d.id for d in ds] + [u.id for u in us] + ["bare1", "bare2"]
    es = [Edge(rng.choice(nodes), rng.choice(nodes[:docs] + ["bare2"]), rng.choice(list(Relation)),
               rng.random(), Evidence(f"f{i % 5}.txt", i, f"câu {i}")) for i in range(edges)]
    ms = [Mention(f"f{i % 5}.txt", i, 0, i, i + 3, "KH", rng.choice([None, *nodes[:docs]])) for i in range(30)]
    return Graph(tuple(ds), tuple(us), tuple(es), tuple(ms))


def networkx_of(graph: Graph) -> nx.MultiDiGraph:
    """The graph as the previous version held it in memory."""
    g = nx.MultiDiGraph()
    g.add_nodes_from((d.id, {"obj": d}) for d in graph.documents)
    g.add_nodes_from((u.id, {"obj": u}) for u in graph.units)
    for e in graph.edges:
        g.add_edge(e.source, e.target, obj=e)
    return g


def answers(store) -> dict:
    """What the query-support methods answer about every node: to compare two stores."""
    ids = [d.id for d in store.documents()] + [u.id for u in store.units()] + ["bare1", "bare2", "nope"]
    out = {"documents": list(store.documents()), "units": list(store.units()), "edges": list(store.edges()),
           "mentions": list(store.mentions()), "graph": store.graph(), "counts": store.graph_counts(),
           "mention_counts": store.mention_counts(), "by_ids": store.documents_by_ids(ids),
           "units_by_ids": store.units_by_ids(ids), "rows": store.document_rows(ids), "issuers": store.issuers(ids),
           "unit_counts": store.unit_counts(ids), "keys": store.search_keys(ids),
           "among": store.edges_among(ids[::2]), "find": store.find_units(province="ha noi"),
           "search": store.search_candidates(["ke", "hoach", "1"]), "list": store.document_list({}, None, 7),
           "list2": store.document_list({"type": "ke hoach", "flag": "garbled-code"}, (0, "2012", ""), 5)}
    for i in ids:
        out[i] = (store.document(i), store.unit(i), store.edges_to(i), store.edges_from(i), store.issued_by(i),
                  store.mentions_of(i), store.neighbourhood(i, 2),
                  store.neighbourhood(i, None, (Relation.CITES,), "in"))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_edges_come_in_the_order_of_networkx(tmp_path, seed):
    graph = random_graph(seed)
    g = networkx_of(graph)
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(graph)
    assert list(store.edges()) == [d["obj"] for _, _, d in g.edges(data=True)]
    assert list(store.graph().edges) == list(graph.edges)
    for node in g:
        assert store.edges_to(node) == [d["obj"] for _, _, d in g.in_edges(node, data=True)]
        assert store.edges_from(node) == [d["obj"] for _, _, d in g.out_edges(node, data=True)]
        some_relations = (Relation.ISSUED, Relation.CITES)
        assert store.edges_to(node, some_relations) == \
            [d["obj"] for _, _, d in g.in_edges(node, data=True) if d["obj"].relation in some_relations]
    some = random.Random(seed).sample(list(g), 20)
    assert store.edges_among(some) == [d["obj"] for s, t, d in g.edges(data=True) if s in some and t in some]
    store.close()


@pytest.mark.parametrize("readonly", [True, False])
def test_a_previous_version_store_answers_the_same(tmp_path, readonly):
    graph = random_graph(7)
    fresh = EmbeddedStore(tmp_path / "fresh")
    fresh.replace_graph(graph)
    write_legacy(tmp_path / "old", graph)
    old = EmbeddedStore(tmp_path / "old", readonly=readonly)
    assert answers(old) == answers(fresh)
    layout = old.db.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
    assert layout == (None if readonly else (str(LAYOUT),))  # read-only: the file is left as it was
    old.close()
    again = EmbeddedStore(tmp_path / "old", readonly=True)
    assert answers(again) == answers(fresh)
    again.close()
    fresh.close()


def test_a_previous_version_store_is_rewritten_by_the_next_graph(tmp_path):
    write_legacy(tmp_path / "old", random_graph(3))
    old = EmbeddedStore(tmp_path / "old", readonly=True)
    assert old.document("d1") is not None  # answered from a private copy
    writer = EmbeddedStore(tmp_path / "old")  # upgrades it
    writer.replace_graph(GRAPH)
    assert writer.document("d1") is None and writer.document(CT05.id) == CT05
    assert EmbeddedStore(tmp_path / "old", readonly=True).issuers([KH47.id]) == {KH47.id: NAM_PO}


def test_graph_version_changes_with_every_graph_in_any_process(tmp_path):
    a = EmbeddedStore(tmp_path / "s")
    b = EmbeddedStore(tmp_path / "s", readonly=True)
    seen = {a.graph_version()}
    for g in (GRAPH, Graph(), GRAPH):
        a.replace_graph(g)
        assert a.graph_version() == b.graph_version() not in seen
        seen.add(a.graph_version())
    assert b.graph_counts()["documents"] == 3 and b.search_candidates(["ke"], "document")


def _plans(store, ask) -> list[str]:
    """The query plans of the statements `ask(store)` runs."""
    statements = []
    store.db.set_trace_callback(statements.append)
    try:
        ask(store)
    finally:
        store.db.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            n = sql.count("?")  # traced statements have their values bound already
            plans += [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, (None,) * n)]
    return plans


@pytest.mark.parametrize("ask", [
    lambda s: s.document(CT05.id), lambda s: s.unit(NAM_PO.id), lambda s: s.edges_to(CT05.id),
    lambda s: s.edges_from(KH47.id, (Relation.IMPLEMENTS,)), lambda s: s.neighbourhood(CT05.id, None),
    lambda s: s.edges_among([CT05.id, KH47.id]), lambda s: s.issuers([KH47.id]), lambda s: s.issued_by(NAM_PO.id),
    lambda s: s.document_rows([KH47.id]), lambda s: s.unit_counts([NAM_PO.id]), lambda s: s.mentions_of(CT05.id),
    lambda s: s.search_candidates(["ke", "hoa"]), lambda s: s.search_keys([KH47.id]),
    lambda s: s.document_list({"province": "Điện Biên"}, None, 5), lambda s: s.graph_counts(),
    lambda s: s.mentions("nam-po.txt"), lambda s: s.find_units(parent=NAM_PO.id)])
def test_per_node_questions_use_indexes(tmp_path, ask):
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(GRAPH)
    plans = _plans(store, ask)
    assert plans and not [p for p in plans if p.startswith("SCAN") and "json_each" not in p], plans
    store.close()


@pytest.mark.parametrize("ask", [lambda s: s.edges_to(CT05.id, CARRY_OUT),
                                 lambda s: s.neighbourhood([CT05.id, KH47.id], None, direction="out")])
def test_edges_of_many_nodes_come_in_index_order(tmp_path, ask):
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(GRAPH)
    plans = _plans(store, ask)
    assert not [p for p in plans if "TEMP B-TREE" in p], plans  # read in the index's order, not sorted after
    store.close()


def test_threads_share_one_store(tmp_path):
    graph = random_graph(11, docs=200, units=20, edges=800)
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graph(graph)
    expected = answers(store)
    got, errors = [], []

    def ask():
        try:
            for _ in range(3):
                got.append(answers(store) == expected)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and got == [True] * 12
    store.close()


def test_remembered_answers_are_per_graph_and_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr("graph.embedded.MEMO_ITEMS", 5)
    store = EmbeddedStore(tmp_path / "s")
    other = EmbeddedStore(tmp_path / "s")  # another process's view of the same store
    store.replace_graph(GRAPH)
    for _ in range(3):  # past the budget: emptied and filled again, answers unchanged
        assert store.edges_to(CT05.id) == list(GRAPH.edges[0:1] + GRAPH.edges[2:5])
        assert store.edges_to(CT05.id, ()) == [] and store.edges_from(KH47.id, ("implements",)) == [GRAPH.edges[2]]
        assert store.documents_by_ids(["nope", KH47.id, CT05.id, KH47.id]) == {KH47.id: KH47, CT05.id: CT05}
    store.edges_to(CT05.id).clear()  # a caller's list is its own
    assert len(store.edges_to(CT05.id)) == 4
    row = store.document_rows([KH47.id])[KH47.id]
    row["label"] = "changed"  # and so is a caller's row
    assert store.document_rows([KH47.id])[KH47.id]["label"] == "Kế hoạch số 47-KH/HU"
    other.replace_graph(Graph(documents=(KH47,)))
    assert store.document(CT05.id) is None and store.edges_to(CT05.id) == []
