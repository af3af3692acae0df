"""The HTTP API (`directives serve`): every endpoint over real HTTP requests (TestClient), error
paths as problem+json, a schemathesis run against the OpenAPI description, a bounded load test
on loopback, and `directives serve` itself."""
from __future__ import annotations

import atexit
import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import httpx
from conftest import stop_process, wait_until_serving
import networkx as nx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api.app import create_app
from api.settings import Settings
from graph import queries
from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
CORPUS = ROOT.parent / "shared" / "corpus"
KEY = "khoa-bi-mat-2025"
PROBLEM = "application/problem+json"
NEW_TEXT = ("Ngày 10/3/2022, Ban Thường vụ Huyện ủy Mường Nhé ban hành Kế hoạch số 77-KH/HU về thực hiện "
            "Nghị quyết số 15-NQ/TU, ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy Điện Biên về tăng cường sự lãnh "
            "đạo của Đảng đối với công tác giáo dục chính trị, tư tưởng.\n")


def count_documents(directory: Path) -> int:
    store = EmbeddedStore(directory)
    try:
        return sum(1 for _ in store.documents())
    finally:
        store.close()


def build_store(directory: Path, *sources: Path) -> Path:
    store = EmbeddedStore(directory)
    report = ingest(list(sources), store)
    assert not report.errors, report.errors
    store.close()
    return directory


def make_app(directory: Path, **settings):
    return create_app(store_factory=lambda: EmbeddedStore(directory),
                      settings=Settings(store=str(directory), **settings))


N_SAMPLE = 36  # documents of the bundled sample; checked against the store below


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory) -> Path:
    directory = build_store(tmp_path_factory.mktemp("api-sample"), SAMPLE)
    assert count_documents(directory) == N_SAMPLE, "the sample resolves to a different number of documents"
    return directory


@pytest.fixture(scope="module")
def client(sample_dir):
    """Reads over the sample store (writes go to their own stores)."""
    with TestClient(make_app(sample_dir)) as c:
        yield c


@pytest.fixture()
def writable(tmp_path, sample_dir):
    """A copy of the sample store for one test that writes."""
    directory = tmp_path / "store"
    shutil.copytree(sample_dir, directory)
    return directory


def problem(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"].startswith("/problems/")
    assert "Traceback" not in r.text
    return body


def walk(client: TestClient, url: str, **params) -> list[dict]:
    items, seen_next = [], set()
    r = client.get(url, params=params)
    while True:
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        if not page["next"]:
            return items
        assert page["next"] not in seen_next
        seen_next.add(page["next"])
        r = client.get(page["next"])


# --- meta -----------------------------------------------------------------------------------

def test_index_health_version(client):
    index = client.get("/").json()
    assert {link["rel"] for link in index["links"]} >= {"documents", "implementers", "coverage", "search", "export"}
    assert client.get("/health").json() == {"status": "ok", "documents": N_SAMPLE, "stale": False}
    version = client.get("/version").json()
    assert version["name"] == "directives" and version["api"] == "1" and version["store"] == "EmbeddedStore"


def test_problem_types_are_documented(client):
    assert client.get("/problems/not-found").json()["title"] == "Not found"
    problem(client.get("/problems/no-such-thing"), 404)


def test_openapi_is_complete(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/documents", "/documents.json", "/documents.csv", "/documents/{ref}", "/documents/{ref}/implementers",
                 "/documents/{ref}/coverage", "/documents/{ref}/chain/up", "/documents/{ref}/chain/down", "/units",
                 "/units/{ref}", "/search", "/graph", "/export", "/stats", "/quality", "/files", "/ingest",
                 "/ingest/text", "/files/{name}", "/health", "/version"):
        assert path in paths, path
    for path, ops in paths.items():
        for method, op in ops.items():
            assert op.get("summary"), (method, path)
            ok = op["responses"]["200"]
            assert ok.get("content"), (method, path)
            for status, response in op["responses"].items():
                if status[0] in "45":
                    assert list(response["content"]) == [PROBLEM], (method, path, status)
    schemas = spec["components"]["schemas"]
    assert "Problem" in schemas and "HTTPValidationError" not in schemas
    text = json.dumps(spec, ensure_ascii=False)
    assert "Chỉ thị 05" in text and "Huyện ủy Tam Đường" in text  # Vietnamese examples
    assert paths["/documents/{ref}/implementers"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"]["$ref"].endswith("ImplementersPage")


# --- documents --------------------------------------------------------------------------------

def test_documents_pages_and_facets(client):
    everything = walk(client, "/documents", limit=7)
    assert len(everything) == N_SAMPLE == len({d["id"] for d in everything})
    first = client.get("/documents", params={"limit": 7}).json()
    assert first["total"] == N_SAMPLE and first["next"].startswith("http://testserver/documents?")
    assert sum(f["count"] for f in first["facets"]["type"]) == N_SAMPLE
    assert set(first["facets"]) == {"type", "unit", "province", "level", "year"}
    dated = [d["date"] for d in everything if d["date"]]
    assert dated == sorted(dated)


@pytest.mark.parametrize("params, check", [
    ({"type": "ke hoach"}, lambda d: d["type"] == "Kế hoạch"),
    ({"province": "Lai Châu", "level": "district"}, lambda d: d["province"] == "Lai Châu" and d["level"] == "district"),
    ({"year_from": 2021, "year_to": 2021}, lambda d: d["year"] == 2021),
    ({"unit": "Huyện ủy Tam Đường"}, lambda d: d["unit_id"] == "lai-chau/huyen-uy-tam-duong"),
    ({"unit": "lai-chau/huyen-uy-tam-duong"}, lambda d: d["unit"] == "Huyện ủy Tam Đường"),
    ({"q": "sinh hoat chi bo"}, lambda d: True),
    ({"flag": "conflicting-dates"}, lambda d: "conflicting-dates" in d["flags"]),
])
def test_documents_filters(client, params, check):
    page = client.get("/documents", params=params).json()
    assert page["total"] > 0 and all(check(d) for d in page["items"]), page["items"]


def test_documents_as_json_and_csv(client):
    plain = client.get("/documents", params={"limit": 5}).json()
    as_json = client.get("/documents.json", params={"limit": 5}).json()
    assert [d["id"] for d in as_json["items"]] == [d["id"] for d in plain["items"]]
    r = client.get("/documents.csv", params={"limit": 5, "type": "Kế hoạch"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5 and all(row["type"] == "Kế hoạch" for row in rows)
    assert 'rel="next"' in r.headers["link"] and "/documents.csv?" in r.headers["link"]
    assert int(r.headers["x-total-count"]) > 5


def test_document_detail_by_id_and_by_citation(client):
    by_id = client.get("/documents/05-ct-tw.tw.2016").json()
    for ref in ("Chỉ thị 05", unicodedata.normalize("NFD", "Chỉ thị 05"), "CT 05", "Chỉ thị số 05-CT/TW"):
        assert client.get(f"/documents/{quote(ref)}").json()["id"] == "05-ct-tw.tw.2016", ref
    assert by_id["label"] == "Chỉ thị số 05-CT/TW" and by_id["conflicting_dates"] is True
    assert set(by_id["dates_seen"]) == {"2015-05-15", "2016-05-15"} and "Chỉ thị 05" in by_id["aliases"]
    assert by_id["issuing_unit"]["name"] == "Bộ Chính trị"
    incoming = {r["source"] for r in by_id["incoming"] if r["relation"] == "implements"}
    assert "12-kh-hu.huyen-uy-tam-duong.2016" in incoming
    for m in by_id["mentions"]:
        assert "/" not in m["file"] and m["line"] >= 1
        assert m["sentence"] is None or m["surface"] in m["sentence"] or m["sentence"].endswith("…")
    kl = client.get("/documents/KL 01").json()
    assert kl["id"] == "01-kl-tw.tw.2021"
    assert any(o["target"] == "05-ct-tw.tw.2016" and o["relation"] == "continues" for o in kl["outgoing"])


def test_unknown_document_suggests_the_nearest(client):
    body = problem(client.get("/documents/Chỉ thị 55"), 404)
    assert "Chỉ thị 55" in body["detail"]
    assert body["suggestions"][0]["id"] == "05-ct-tw.tw.2016"
    assert body["suggestions"][0]["label"] == "Chỉ thị số 05-CT/TW"
    assert client.get(body["suggestions"][0]["url"]).status_code == 200


def test_ambiguous_citation_lists_candidates(client):
    body = problem(client.get("/documents/15-NQ/TU/implementers"), 409)
    assert {c["id"] for c in body["candidates"]} == {"15-nq-tu.tinh-uy-dien-bien.2021", "15-nq-tu.tinh-uy-son-la.2023"}
    assert all(c["label"] == "Nghị quyết số 15-NQ/TU" for c in body["candidates"])


# --- implementers, coverage, chains --------------------------------------------------------------

def test_implementers_direct_and_transitive(client):
    direct = client.get("/documents/Chỉ thị 05/implementers", params={"transitive": "false"}).json()
    assert direct["directive"]["id"] == "05-ct-tw.tw.2016" and all(r["direct"] for r in direct["items"])
    rows = {r["unit"]: r for r in direct["items"] if r["document"]}
    tam_duong = rows["Huyện ủy Tam Đường"]
    assert tam_duong["document_label"] == "Kế hoạch số 12-KH/HU" and tam_duong["date"] == "2016-08-22"
    assert tam_duong["lag_days"] == 99
    assert tam_duong["evidence"]["file"] == "bao-cao-lai-chau-ct05.md" and tam_duong["evidence"]["line"] == 19
    assert "Kế hoạch số 12-KH/HU" in tam_duong["evidence"]["text"]
    every = client.get("/documents/05-ct-tw.tw.2016/implementers").json()
    assert every["total"] > direct["total"] and any(r["depth"] > 0 for r in every["items"])
    assert any(r["unit"] == "Huyện ủy Mai Sơn" and r["depth"] >= 2 for r in every["items"])
    groups = {(g["level"], g["province"]) for g in every["groups"]}
    assert ("district", "Lai Châu") in groups and ("district", "Sơn La") in groups


def test_implementers_filters_pages_and_csv(client):
    items = walk(client, "/documents/Chỉ thị 05/implementers", level="district", province="Sơn La", limit=2)
    assert items and all(r["level"] == "district" and r["province"] == "Sơn La" for r in items)
    r = client.get("/documents/Chỉ thị 05/implementers.csv", params={"limit": 1000})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows[0].keys() >= {"unit", "document", "date", "lag_days", "evidence_file", "evidence_line", "evidence_text"}
    assert any(row["unit"] == "Huyện ủy Tam Đường" and row["lag_days"] == "99" for row in rows)
    assert client.get("/documents/Chỉ thị 05/implementers.json").json()["total"] == len(rows)


def test_coverage_of_a_directive(client):
    c = client.get("/documents/Chỉ thị 05/coverage", params={"province": "Lai Châu", "level": "district"}).json()
    assert c["summary"]["as_of"] == "2016-05-15" and c["summary"]["units"] == 8
    assert c["summary"]["implemented"] + c["summary"]["not_implemented"] == 8
    tam_duong = next(i for i in c["items"] if i["unit"] == "Huyện ủy Tam Đường")
    assert tam_duong["status"] == "implemented" and tam_duong["first_date"] == "2016-08-22"


def test_coverage_is_time_aware(client):
    c = client.get("/documents/KL 01/coverage", params={"province": "Sơn La", "level": "district"}).json()
    assert c["summary"]["as_of"] == "2021-05-18"
    units = {i["unit"]: i["status"] for i in c["items"]}
    assert "Thị ủy Mộc Châu" not in units  # a thị xã only from 2025
    assert [e["unit"] for e in c["summary"]["excluded"]] == ["Thị ủy Mộc Châu"]
    assert units["Huyện ủy Mai Sơn"] == "implemented" and units["Huyện ủy Bắc Yên"] == "not_implemented"
    later = client.get("/documents/KL 01/coverage", params={"province": "Sơn La", "level": "district",
                                                           "on": "2025-03-01"}).json()
    assert "Thị ủy Mộc Châu" in {i["unit"] for i in later["items"]}
    missing = walk(client, "/documents/KL 01/coverage", province="Sơn La", level="district",
                   status="not_implemented", limit=3)
    assert missing and all(i["status"] == "not_implemented" for i in missing)
    r = client.get("/documents/KL 01/coverage.csv", params={"province": "Sơn La", "level": "district"})
    assert "Huyện ủy Bắc Yên,district,Sơn La" in r.text


def test_chain_up_and_down(client):
    up = client.get("/documents/Kế hoạch số 102-KH/HU/chain/up").json()
    assert up["document"]["id"] == "102-kh-hu.huyen-uy-mai-son.2022"
    assert [r["id"] for r in up["roots"]] == ["05-ct-tw.tw.2016"] and up["paths"][0]["central"]
    steps = up["paths"][0]["steps"]
    assert steps[0]["from"] == "102-kh-hu.huyen-uy-mai-son.2022" and steps[0]["evidence"]["file"]
    down = client.get("/documents/Chỉ thị 05/chain/down", params={"depth": 1}).json()
    children = {c["id"] for c in down["tree"]["children"]}
    assert "25-kh-tu.tinh-uy-lai-chau.2016" in children and "01-kl-tw.tw.2021" in children
    assert down["truncated"] is True
    deep = client.get("/documents/Chỉ thị 05/chain/down").json()
    kl = next(c for c in deep["tree"]["children"] if c["id"] == "01-kl-tw.tw.2021")
    assert "31-kh-tu.tinh-uy-lai-chau.2021" in {c["id"] for c in kl["children"]}
    problem(client.get("/documents/Chỉ thị 05/chain/down", params={"depth": 0}), 422)


# --- units, search ------------------------------------------------------------------------------

def test_units_list_and_detail(client):
    page = client.get("/units", params={"province": "Lai Châu", "level": "district"}).json()
    assert page["total"] >= 8 and all(u["level"] == "district" for u in page["items"])
    assert {"level", "province", "kind"} == set(page["facets"])
    assert len(walk(client, "/units", province="Lai Châu", limit=5)) == \
        client.get("/units", params={"province": "Lai Châu"}).json()["total"]
    unit = client.get("/units/lai-chau/huyen-uy-tam-duong").json()
    assert unit["name"] == "Huyện ủy Tam Đường" and unit["parent_unit"]["id"] == "lai-chau/tinh-uy"
    assert "12-kh-hu.huyen-uy-tam-duong.2016" in {d["id"] for d in unit["issued"]}
    assert "05-ct-tw.tw.2016" in {c["directive"]["id"] for c in unit["carried_out_directives"]}
    assert client.get(f"/units/{quote('Huyện ủy Tam Đường')}").json()["id"] == "lai-chau/huyen-uy-tam-duong"
    province = client.get("/units/lai-chau/tinh-uy").json()
    assert "lai-chau/huyen-uy-tam-duong" in {c["id"] for c in province["children"]}
    rows = list(csv.DictReader(io.StringIO(client.get("/units.csv", params={"q": "tam duong"}).text)))
    assert rows[0]["name"] == "Huyện ủy Tam Đường"
    body = problem(client.get("/units/Huyện ủy Tam Đườngg"), 404)
    assert body["suggestions"][0]["id"] == "lai-chau/huyen-uy-tam-duong"


def test_search(client):
    hits = client.get("/search", params={"q": "tua chua"}).json()["items"]
    assert hits[0]["label"] == "Huyện ủy Tủa Chùa" and hits[0]["kind"] == "unit"
    cited = client.get("/search", params={"q": "Chỉ thị 05"}).json()["items"]
    assert cited[0]["id"] == "05-ct-tw.tw.2016" and cited[0]["score"] == 100
    assert client.get("/search", params={"q": "15-NQ/TU", "kind": "document"}).json()["items"][0]["label"] == \
        "Nghị quyết số 15-NQ/TU"
    nothing = client.get("/search", params={"q": "Kê hoach 2533"}).json()
    assert nothing["total"] == 0 and nothing["suggestions"]
    assert all(s["label"].startswith("Kế hoạch") for s in nothing["suggestions"][:3])
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "Mường Nhé"}).text)))
    assert rows[0]["label"] == "Huyện ủy Mường Nhé"
    problem(client.get("/search"), 422)
    problem(client.get("/search", params={"q": "   "}), 400)


# --- graph and export ------------------------------------------------------------------------------

def test_graph_ego_network(client):
    g = client.get("/graph", params={"node": "Chỉ thị 05", "depth": 1}).json()
    ids = {n["id"] for n in g["nodes"]}
    assert g["center"] == "05-ct-tw.tw.2016" and "12-kh-hu.huyen-uy-tam-duong.2016" in ids
    assert all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    plans = client.get("/graph", params={"node": "Chỉ thị 05", "depth": 2, "units": "false",
                                         "relation": ["implements"], "type": "Kế hoạch"}).json()
    assert all(n["kind"] == "document" for n in plans["nodes"])
    assert all(e["relation"] == "implements" for e in plans["edges"])
    unit = client.get("/graph", params={"node": "lai-chau/huyen-uy-tam-duong"}).json()
    assert unit["center"] == "lai-chau/huyen-uy-tam-duong" and len(unit["nodes"]) > 1
    whole = client.get("/graph", params={"max_nodes": 5}).json()
    assert whole["truncated"] and len(whole["nodes"]) == 5
    problem(client.get("/graph", params={"node": "Chỉ thị 55"}), 404)


def test_export_formats(client):
    lines = client.get("/export").text.splitlines()
    kinds = {json.loads(line)["kind"] for line in lines}
    assert kinds == {"document", "unit", "edge", "mention"}
    expected = list(queries.export_rows(client.app.state.api.store))
    assert len(lines) == len(expected)
    r = client.get("/export", params={"format": "graphml", "node": "KL 01", "depth": 1})
    assert r.headers["content-type"].startswith("application/graphml+xml")
    g = nx.read_graphml(io.BytesIO(r.content))
    assert "01-kl-tw.tw.2021" in g and g.nodes["01-kl-tw.tw.2021"]["label"] == "Kết luận số 01-KL/TW"
    gexf = client.get("/export", params={"format": "gexf"})
    assert nx.read_gexf(io.BytesIO(gexf.content)).number_of_nodes() > 30
    edges = list(csv.DictReader(io.StringIO(client.get("/export", params={"format": "csv"}).text)))
    assert edges[0].keys() >= {"source", "target", "relation", "evidence_file", "evidence_line", "evidence_text"}
    nodes = list(csv.DictReader(io.StringIO(client.get("/export", params={"format": "csv", "table": "nodes"}).text)))
    assert any(n["label"] == "Chỉ thị số 05-CT/TW" for n in nodes)
    sub = client.get("/export", params={"format": "jsonl", "node": "Chỉ thị 05", "depth": 1}).text.splitlines()
    assert {json.loads(line)["kind"] for line in sub} == {"document", "unit", "edge"}
    ET.fromstring(r.content)  # well-formed XML
    problem(client.get("/export", params={"format": "pdf"}), 422)


# --- statistics, quality, files ------------------------------------------------------------------

def test_stats(client):
    s = client.get("/stats").json()
    assert s["documents"] == N_SAMPLE and s["files"] == 4 and s["relations"]["implements"] > 0
    assert s["resolutions"]["fuzzy"] == 1
    top = [d["id"] for d in s["most_implemented"][:3]]
    assert {"05-ct-tw.tw.2016", "01-kl-tw.tw.2021"} <= set(top)
    assert s["most_implemented"][0]["implementing_units"] >= s["most_implemented"][-1]["implementing_units"]


def test_quality_report_has_evidence(client):
    report = client.get("/quality").json()
    items = report["items"]
    fuzzy = next(i for i in items if i["issue"] == "fuzzy-citation")
    assert fuzzy["surface"] == "Nghị quyết số 09-NQ/ThU, ngày 20/4/2022" and fuzzy["file"] == "tin-son-la-nq15.txt"
    assert fuzzy["line"] == 8 and "09-NQ/ThU" in fuzzy["sentence"]
    dates = [i for i in items if i["issue"] == "conflicting-dates"]
    assert {"15/5/2015", "15/5/2016"} <= {d for i in dates for d in ("15/5/2015", "15/5/2016") if d in i["sentence"]}
    assert any(i["issue"] == "garbled-code" for i in items)
    assert report["summary"]["fuzzy-citation"] == 1
    only = client.get("/quality", params={"issue": "garbled-code"}).json()
    assert {i["issue"] for i in only["items"]} == {"garbled-code"} and set(only["facets"]) == {"issue", "file"}
    rows = list(csv.DictReader(io.StringIO(client.get("/quality.csv").text)))
    assert len(rows) == report["total"]
    problem(client.get("/quality", params={"issue": "typo"}), 422)


def test_files(client):
    files = client.get("/files").json()["items"]
    assert [f["file"] for f in files] == sorted(p.name for p in SAMPLE.iterdir())
    assert all(len(f["sha256"]) == 64 and f["mentions"] > 0 for f in files)
    assert client.get("/files.csv").text.startswith("file,sha256,mentions,documents\n")


# --- errors, encoding, middleware -------------------------------------------------------------------

@pytest.mark.parametrize("url, status", [
    ("/documents?limit=0", 422), ("/documents?limit=5000", 422), ("/documents?level=county", 422),
    ("/documents?cursor=not-a-cursor", 400), ("/documents?year_from=abc", 422), ("/no/such/path", 404),
    ("/documents/%20/implementers", 400), ("/documents/Chỉ thị 05/coverage?on=2021-02-30", 400),
])
def test_error_paths_are_problems(client, url, status):
    body = problem(client.get(url), status)
    if status == 422:
        assert body["errors"] and body["errors"][0]["name"]


def test_method_not_allowed_is_a_problem(client):
    problem(client.delete("/documents"), 405)


def test_responses_keep_vietnamese_as_utf8(client):
    r = client.get("/documents/Chỉ thị 05")
    assert "Bộ Chính trị".encode() in r.content and b"\\u" not in r.content
    assert unicodedata.is_normalized("NFC", r.text)


def test_no_server_paths_leak(client, sample_dir):
    for url in ("/documents/Chỉ thị 05", "/files", "/quality", "/export", "/stats", "/version", "/health"):
        assert str(sample_dir) not in client.get(url).text and str(ROOT) not in client.get(url).text


def test_gzip(client):
    r = client.get("/documents", params={"limit": 50}, headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and r.json()["total"] == N_SAMPLE


def test_cors_only_when_configured(sample_dir, client):
    assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": "https://x.vn"}).headers
    with TestClient(make_app(sample_dir, cors_origins=("https://x.vn",))) as c:
        r = c.get("/health", headers={"Origin": "https://x.vn"})
        assert r.headers["access-control-allow-origin"] == "https://x.vn"
        pre = c.options("/ingest", headers={"Origin": "https://x.vn", "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "X-API-Key"})
        assert pre.status_code == 200


def test_unexpected_errors_are_500_problems_without_traceback(sample_dir, monkeypatch):
    def boom(store, doc_id, **kw):
        raise RuntimeError(f"secret state at {sample_dir}")
    monkeypatch.setattr(queries, "chain_up", boom)
    with TestClient(make_app(sample_dir), raise_server_exceptions=False) as c:
        body = problem(c.get("/documents/Chỉ thị 05/chain/up"), 500)
        assert str(sample_dir) not in json.dumps(body) and "secret" not in body["detail"]


def test_a_store_that_fails_at_startup_answers_503(tmp_path):
    def unavailable():
        raise StoreError(f"cannot open store at {tmp_path}: permission denied")
    app = create_app(store_factory=unavailable, settings=Settings(store=str(tmp_path)))
    with TestClient(app) as c:
        r = c.get("/health")
        problem(r, 503)
        assert str(tmp_path) not in r.text
        assert c.get("/version").json()["store"] == "not opened yet"


def test_store_errors_are_503(sample_dir, monkeypatch):
    def broken(store, **kw):
        raise StoreError(f"store at {sample_dir} cannot be read: disk I/O error")
    monkeypatch.setattr(queries, "documents", broken)
    with TestClient(make_app(sample_dir)) as c:
        r = c.get("/documents")
        problem(r, 503)
        assert str(sample_dir) not in r.text and r.headers["retry-after"]


def test_settings_from_environment():
    s = Settings.from_env({"DIRECTIVES_STORE": "/x", "DIRECTIVES_API_KEY": "k", "DIRECTIVES_CORS_ORIGINS": "a, b",
                           "DIRECTIVES_MAX_UPLOAD_BYTES": "1000"})
    assert (s.store, s.api_key, s.cors_origins, s.max_upload_bytes) == ("/x", "k", ("a", "b"), 1000)
    assert Settings.from_env({}).max_upload_bytes == 20 * 1024 * 1024 and Settings.from_env({}).api_key is None
    with pytest.raises(ValueError, match="DIRECTIVES_MAX_UPLOAD_BYTES"):
        Settings.from_env({"DIRECTIVES_MAX_UPLOAD_BYTES": "lots"})


# --- writes -------------------------------------------------------------------------------------------

def test_ingest_text_then_query_it(writable):
    with TestClient(make_app(writable)) as c:
        r = c.post("/ingest/text", json={"name": "tin-muong-nhe.txt", "text": NEW_TEXT})
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["ingested"] == 1 and report["files"][0]["status"] == "ingested"
        assert report["documents"] == N_SAMPLE + 1
        doc = c.get("/documents/Kế hoạch số 77-KH/HU").json()
        assert doc["unit"] == "Huyện ủy Mường Nhé" and doc["mentions"][0]["file"] == "tin-muong-nhe.txt"
        imp = c.get("/documents/15-nq-tu.tinh-uy-dien-bien.2021/implementers").json()
        assert "Huyện ủy Mường Nhé" in {r["unit"] for r in imp["items"]}
        again = c.post("/ingest/text", json={"name": "tin-muong-nhe.txt", "text": NEW_TEXT}).json()
        assert again["unchanged"] == 1 and again["ingested"] == 0
        gone = c.delete("/files/tin-muong-nhe.txt")
        assert gone.json() == {"file": "tin-muong-nhe.txt", "removed": True, "documents": N_SAMPLE}
        problem(c.get("/documents/Kế hoạch số 77-KH/HU"), 404)
        problem(c.delete("/files/tin-muong-nhe.txt"), 404)


def test_ingest_uploads(writable):
    with TestClient(make_app(writable)) as c:
        files = [("files", ("tin.txt", NEW_TEXT.encode("utf-8"), "text/plain")),
                 ("files", ("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")),
                 ("files", ("sub/dir/bao-cao.html", ("<html><body><p>" + NEW_TEXT.replace("77", "78") +
                                                     "</p></body></html>").encode(), "text/html"))]
        r = c.post("/ingest", files=files)
        assert r.status_code == 200, r.text
        report = r.json()
        by_name = {f["file"]: f for f in report["files"]}
        assert by_name["tin.txt"]["status"] == "ingested" and by_name["tin.txt"]["format"] == "txt"
        assert by_name["bao-cao.html"]["format"] == "html"  # basename only, type sniffed
        assert by_name["anh.png"]["status"] == "error" and "PNG" in by_name["anh.png"]["error"]
        assert report["ingested"] == 2 and report["failed"] == 1
        assert {"tin.txt", "bao-cao.html"} <= {f["file"] for f in c.get("/files").json()["items"]}


@pytest.mark.parametrize("files, status", [
    ([("files", ("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"))], 415),
    ([("files", ("rac.bin", bytes(range(256)) * 4, "application/octet-stream"))], 415),
    ([("files", ("rong.txt", b"   \n", "text/plain"))], 422),
    ([("files", ("hong.pdf", b"%PDF-1.7 broken", "application/pdf"))], 422),
    ([("files", ("..", b"abc", "text/plain"))], 400),
])
def test_ingest_refuses_what_it_cannot_read(writable, files, status):
    with TestClient(make_app(writable)) as c:
        body = problem(c.post("/ingest", files=files), status)
        assert body["errors"][0]["file"] and body["errors"][0]["message"]
        assert c.get("/files").json()["total"] == 4


def test_ingest_size_limit(writable):
    with TestClient(make_app(writable, max_upload_bytes=2000)) as c:
        big = ("Huyện ủy Mường Nhé ban hành kế hoạch. " * 200).encode()
        problem(c.post("/ingest", files=[("files", ("lon.txt", big, "text/plain"))]), 413)
        problem(c.post("/ingest/text", json={"name": "lon.txt", "text": big.decode()}), 413)
        medium = big[:1900]  # each file fits, the two together do not
        body = problem(c.post("/ingest", files=[("files", ("a.txt", medium, "text/plain")),
                                                ("files", ("b.txt", medium, "text/plain"))]), 413)
        assert "bytes" in body["detail"]


def test_ingest_bad_requests(writable):
    with TestClient(make_app(writable)) as c:
        problem(c.post("/ingest/text", json={"name": "", "text": "x"}), 422)
        problem(c.post("/ingest/text", content=b"{not json", headers={"Content-Type": "application/json"}), 422)
        problem(c.post("/ingest"), 422)
        problem(c.post("/ingest/text", json={"name": "../../etc/x\x01", "text": "abc"}), 400)


def test_writes_need_the_api_key_when_set(writable):
    with TestClient(make_app(writable, api_key=KEY)) as c:
        body = problem(c.post("/ingest/text", json={"name": "a.txt", "text": NEW_TEXT}), 401)
        assert "X-API-Key" in body["detail"]
        assert c.post("/ingest/text", json={"name": "a.txt", "text": NEW_TEXT}).headers["www-authenticate"]
        problem(c.post("/ingest/text", json={"name": "a.txt", "text": NEW_TEXT},
                       headers={"X-API-Key": "wrong"}), 403)
        problem(c.delete("/files/a.txt"), 401)
        ok = c.post("/ingest/text", json={"name": "a.txt", "text": NEW_TEXT},
                    headers={"X-API-Key": KEY})
        assert ok.status_code == 200, ok.text
        assert c.get("/documents/Kế hoạch số 77-KH/HU").status_code == 200  # reads stay open
        spec = c.get("/openapi.json").json()
        assert spec["paths"]["/ingest"]["post"]["security"] == [{"APIKeyHeader": []}]
        assert "security" not in spec["paths"]["/documents"]["get"]


# --- seed corpus --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_client(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared is not in this checkout")
    directory = build_store(tmp_path_factory.mktemp("api-seed"), CORPUS, SAMPLE)
    with TestClient(make_app(directory)) as c:
        yield c


def test_seed_store_answers_the_main_questions(seed_client):
    c = seed_client
    nq15 = c.get("/documents/15-nq-tu.tinh-uy-dien-bien.2021/implementers").json()
    assert nq15["total"] > 0 and nq15["directive"]["label"] == "Nghị quyết số 15-NQ/TU"
    cov = c.get("/documents/15-nq-tu.tinh-uy-dien-bien.2021/coverage", params={"level": "district"}).json()
    assert cov["summary"]["province"] == "Điện Biên" and cov["summary"]["units"] >= 9
    assert cov["summary"]["implemented"] >= 1
    assert c.get("/stats").json()["files"] == 9
    quality = c.get("/quality").json()
    assert quality["summary"]["fuzzy-citation"] >= 2 and quality["summary"]["garbled-code"] >= 1
    assert c.get("/search", params={"q": "tua chua"}).json()["items"][0]["label"] == "Huyện ủy Tủa Chùa"
    assert c.get("/graph", params={"node": "Chỉ thị 05", "depth": 2}).json()["nodes"]


# --- schemathesis ----------------------------------------------------------------------------------------

def _fuzz_store() -> EmbeddedStore:
    """A store of its own for the schemathesis run, built on first use (the app opens it lazily)."""
    directory = Path(tempfile.mkdtemp(prefix="directives-fuzz-"))
    atexit.register(shutil.rmtree, directory, True)
    build_store(directory, SAMPLE)
    return EmbeddedStore(directory)


schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(store_factory=_fuzz_store, settings=Settings(store="unused", api_key=KEY)))


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_server_errors(case):
    # every default check (no 5xx, documented status codes and content types, responses valid
    # against their schemas, ...), except the one that wants every schema-valid request
    # accepted: a cursor of the right form from nowhere is refused (400) on purpose
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])


# --- load on loopback --------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def live_server(writable):
    import uvicorn
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(writable, api_key=KEY), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_load_mixed_reads_and_an_ingest(live_server):
    """20 clients × 30 requests on loopback, reads of every kind and one ingest in the middle:
    every request is served (2xx), none is lost, and the new document is there afterwards."""
    clients, per_client = 20, 30
    reads = ["/documents/Chỉ thị 05/implementers", "/documents?limit=20", "/search?q=tua chua",
             "/documents/05-ct-tw.tw.2016", "/documents/KL 01/coverage?province=Sơn La&level=district",
             "/units/lai-chau/huyen-uy-tam-duong", "/graph?node=Chỉ thị 05", "/quality?limit=5"]
    results: list[tuple[str, int]] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def worker(n: int):
        with httpx.Client(base_url=live_server, timeout=60) as http:
            start.wait()
            for i in range(per_client):
                if n == 0 and i == per_client // 2:
                    r = http.post("/ingest/text", json={"name": "tin-muong-nhe.txt", "text": NEW_TEXT},
                                  headers={"X-API-Key": KEY})
                    label = "ingest"
                else:
                    label = reads[(n + i) % len(reads)]
                    r = http.get(label)
                with lock:
                    results.append((label, r.status_code))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert len(results) == clients * per_client
    bad = [(u, s) for u, s in results if s != 200]
    assert not bad, bad[:10]
    assert time.monotonic() - began < 60
    with httpx.Client(base_url=live_server) as http:
        doc = http.get("/documents/Kế hoạch số 77-KH/HU")
        assert doc.status_code == 200 and doc.json()["unit"] == "Huyện ủy Mường Nhé"
        assert http.get("/health").json()["documents"] == N_SAMPLE + 1


# --- the command ------------------------------------------------------------------------------------------

def test_directives_serve(sample_dir):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIRECTIVES_")}
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--store", str(sample_dir), "--port",
                             str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        r = wait_until_serving(proc, f"http://127.0.0.1:{port}/health")
        assert r.json()["status"] == "ok"
        imp = httpx.get(f"http://127.0.0.1:{port}/documents/{quote('Chỉ thị 05')}/implementers", timeout=10)
        assert imp.json()["directive"]["id"] == "05-ct-tw.tw.2016"
        gz = httpx.get(f"http://127.0.0.1:{port}/export", headers={"Accept-Encoding": "gzip"}, timeout=10)
        assert gz.status_code == 200
    finally:
        stop_process(proc, timeout=10)
