"""graph.queries: the questions the HTTP API presents, on a small hand-made graph (exact
answers known) and on the bundled sample."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from graph import derived, queries as Q
from graph.embedded import EmbeddedStore
from graph.errors import InputError, NotFound
from graph.model import (Document, Edge, Evidence, Graph, Level, Mention, MentionKind, Relation, Unit)

P = "Điện Biên"


def ev(line: int, text: str = "câu làm chứng", file: str = "bao-cao.txt") -> Evidence:
    return Evidence(file, line, text)


UNITS = (
    Unit("tw/bo-chinh-tri", "Bộ Chính trị", Level.CENTRAL, None, None, "party"),
    Unit("db/tinh-uy", "Tỉnh ủy Điện Biên", Level.PROVINCE, P, None, "party"),
    Unit("db/huyen-uy-a", "Huyện ủy Mường Ảng", Level.DISTRICT, P, "db/tinh-uy", "party", None, "2025-06-30"),
    Unit("db/huyen-uy-b", "Huyện ủy Tủa Chùa", Level.DISTRICT, P, "db/tinh-uy", "party", None, "2019-12-31"),
    Unit("db/huyen-uy-c", "Huyện ủy Nậm Pồ", Level.DISTRICT, P, "db/tinh-uy", "party", "2020-01-01", "2025-06-30"),
    Unit("db/ubnd", "UBND tỉnh Điện Biên", Level.PROVINCE, P, None, "state"),
)
ADHOC = Unit("db/chi-bo-x", "Chi bộ bản Xá", Level.AGENCY, P, None, "party")


def doc(id_, type_, number, code, unit, date, issuer_unit, province=None, **kw) -> Document:
    return Document(id_, type_, number, code, "-", unit, province, date, kw.pop("dates_seen", (date,) if date else ()),
                    kw.pop("subject", None), kw.pop("aliases", (f"{type_} số {number}-{code}",)), None, issuer_unit,
                    **kw)


DOCS = (
    doc("05-ct-tw.tw.2018", "Chỉ thị", "05", "CT/TW", "Trung ương", "2018-01-01", "tw/bo-chinh-tri",
        dates_seen=("2017-01-01", "2018-01-01"), flags=("conflicting-dates",), aliases=("Chỉ thị 05",),
        subject="về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    doc("10-kh-tu.db.2018", "Kế hoạch", "10", "KH/TU", "Tỉnh ủy Điện Biên", "2018-02-01", "db/tinh-uy", P),
    doc("20-kh-hu.a.2018", "Kế hoạch", "20", "KH/HU", "Huyện ủy Mường Ảng", "2018-03-01", "db/huyen-uy-a", P),
    doc("30-kh-hu.b.2018", "Kế hoạch", "30", "KH/HU", "Huyện ủy Tủa Chùa", "2018-04-01", "db/huyen-uy-b", P),
    doc("01-kl-tw.tw.2021", "Kết luận", "01", "KL/TW", "Trung ương", "2021-01-01", "tw/bo-chinh-tri"),
    doc("40-kh-hu.c.2021", "Kế hoạch", "40", "KH/HU", "Huyện ủy Nậm Pồ", "2021-03-01", "db/huyen-uy-c", P,
        flags=("garbled-code:KH/ThU",)),
    doc("50-cv-cb.x", "Công văn", "50", "CV/CB", "Chi bộ bản Xá", None, "db/chi-bo-x", P),
)
EDGES = (
    Edge("10-kh-tu.db.2018", "05-ct-tw.tw.2018", Relation.IMPLEMENTS, 0.9, ev(1)),
    Edge("20-kh-hu.a.2018", "10-kh-tu.db.2018", Relation.IMPLEMENTS, 0.9, ev(2)),
    Edge("30-kh-hu.b.2018", "05-ct-tw.tw.2018", Relation.IMPLEMENTS, 0.8, ev(3)),
    Edge("01-kl-tw.tw.2021", "05-ct-tw.tw.2018", Relation.CONTINUES, 0.9, ev(4)),
    Edge("40-kh-hu.c.2021", "01-kl-tw.tw.2021", Relation.IMPLEMENTS, 0.9, ev(5)),
    Edge("db/ubnd", "01-kl-tw.tw.2021", Relation.IMPLEMENTS, 0.7, ev(6, "UBND tỉnh triển khai Kết luận 01")),
    *(Edge(d.issuer_unit, d.id, Relation.ISSUED, 0.9, ev(10 + i)) for i, d in enumerate(DOCS)),
)
MENTIONS = (
    Mention("bao-cao.txt", 1, 0, 0, 10, "Chỉ thị 05", "05-ct-tw.tw.2018", MentionKind.SHORT, "context"),
    Mention("bao-cao.txt", 7, 4, 100, 120, "Kế hoạch số 40-KH/ThU", "40-kh-hu.c.2021", MentionKind.FULL, "fuzzy"),
    Mention("bao-cao.txt", 8, 0, 200, 210, "Kế hoạch 10", None, MentionKind.SHORT, "ambiguous",
            ("10-kh-tu.db.2018", "20-kh-hu.a.2018")),
    Mention("bao-cao.txt", 9, 0, 300, 312, "Chỉ thị 99", None, MentionKind.SHORT, "unresolved"),
)


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.replace_graph(Graph(DOCS, UNITS + (ADHOC,), EDGES, MENTIONS))
    yield s
    Q.invalidate(s)
    s.close()


def ids(rows):
    return [r["id"] for r in rows]


# --- helpers ---------------------------------------------------------------------------

def test_fold_ignores_accents_case_and_spacing():
    assert Q.fold("  Huyện  ủy Tủa Chùa ") == "huyen uy tua chua"
    assert Q.fold("Tỉnh uỷ") == Q.fold("TỈNH ỦY") == "tinh uy"
    assert Q.fold("Đảng") == "dang"


@pytest.mark.parametrize("bad", ["zzz", "!!", "WzFd" + "x", Q.encode_cursor((1,))[:-1] + "@"])
def test_bad_cursor_is_input_error(bad):
    with pytest.raises(InputError, match="cursor"):
        Q.decode_cursor(bad)


def test_cursor_round_trip_keeps_vietnamese():
    key = (0, "2018-01-01", "Huyện ủy Mường Ảng")
    assert Q.decode_cursor(Q.encode_cursor(key)) == key


# --- documents ---------------------------------------------------------------------------

def test_documents_in_date_order_undated_last(store):
    page = Q.documents(store)
    assert ids(page["items"])[0] == "05-ct-tw.tw.2018"
    assert ids(page["items"])[-1] == "50-cv-cb.x"
    assert page["total"] == len(DOCS) and page["next_cursor"] is None


def test_documents_pages_cover_everything_once(store):
    seen, cursor = [], None
    while True:
        page = Q.documents(store, cursor=cursor, limit=2)
        seen += ids(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids(Q.documents(store)["items"])


def test_cursor_survives_new_documents(store):
    first = Q.documents(store, limit=3)
    new = doc("99-kh-tu.db.2017", "Kế hoạch", "99", "KH/TU", "Tỉnh ủy Điện Biên", "2017-06-01", "db/tinh-uy", P)
    store.replace_graph(Graph(DOCS + (new,), UNITS + (ADHOC,), EDGES, MENTIONS))
    rest = Q.documents(store, cursor=first["next_cursor"], limit=100)
    assert ids(rest["items"]) == ids(Q.documents(store)["items"])[4:]  # the new one sorts before the cursor
    assert "99-kh-tu.db.2017" in ids(Q.documents(store)["items"])


@pytest.mark.parametrize("filters, expected", [
    ({"type": "ke hoach"}, {"10-kh-tu.db.2018", "20-kh-hu.a.2018", "30-kh-hu.b.2018", "40-kh-hu.c.2021"}),
    ({"level": "central"}, {"05-ct-tw.tw.2018", "01-kl-tw.tw.2021"}),
    ({"unit": "huyện ủy mường ảng"}, {"20-kh-hu.a.2018"}),
    ({"unit": "db/huyen-uy-b"}, {"30-kh-hu.b.2018"}),
    ({"province": "dien bien", "year_from": 2021}, {"40-kh-hu.c.2021"}),
    ({"year_from": 2018, "year_to": 2018, "level": "district"}, {"20-kh-hu.a.2018", "30-kh-hu.b.2018"}),
    ({"q": "hoc tap lam theo"}, {"05-ct-tw.tw.2018"}),
    ({"flag": "garbled-code"}, {"40-kh-hu.c.2021"}),
])
def test_document_filters(store, filters, expected):
    assert set(ids(Q.documents(store, **filters)["items"])) == expected


def test_document_facets_count_the_filtered_list(store):
    facets = Q.documents(store, province=P, limit=1)["facets"]
    assert {f["value"]: f["count"] for f in facets["type"]} == {"Kế hoạch": 4, "Công văn": 1}
    assert {f["value"]: f["count"] for f in facets["level"]} == {"province": 1, "district": 3, "agency": 1}


def test_unknown_level_is_input_error(store):
    with pytest.raises(InputError, match="level"):
        Q.documents(store, level="county")


def test_document_detail(store):
    d = Q.document_detail(store, "05-ct-tw.tw.2018")
    assert d["label"] == "Chỉ thị số 05-CT/TW" and d["conflicting_dates"] is True
    assert d["dates_seen"] == ["2017-01-01", "2018-01-01"]
    assert d["issuing_unit"]["name"] == "Bộ Chính trị"
    assert {r["source"] for r in d["incoming"] if r["relation"] == "implements"} == {"10-kh-tu.db.2018",
                                                                                     "30-kh-hu.b.2018"}
    assert d["mentions"][0]["surface"] == "Chỉ thị 05" and d["mentions_total"] == 1


def test_unknown_document_suggests_the_nearest(store):
    with pytest.raises(NotFound) as caught:
        Q.document_detail(store, "05-ct-tw.tw.2019")
    assert caught.value.suggestions[0] == "05-ct-tw.tw.2018"


# --- implementers, coverage, chains ---------------------------------------------------------

def test_implementers_direct_and_transitive(store):
    direct = Q.implementers_report(store, "05-ct-tw.tw.2018", transitive=False)
    assert {r["unit_id"] for r in direct["items"]} == {"db/tinh-uy", "db/huyen-uy-b"}
    every = Q.implementers_report(store, "05-ct-tw.tw.2018")
    rows = {r["unit_id"]: r for r in every["items"]}
    assert set(rows) == {"db/tinh-uy", "db/huyen-uy-a", "db/huyen-uy-b", "db/huyen-uy-c", "db/ubnd"}
    assert rows["db/huyen-uy-a"]["depth"] == 1 and rows["db/huyen-uy-a"]["via"] == "10-kh-tu.db.2018"
    assert rows["db/huyen-uy-a"]["lag_days"] == 59 and rows["db/tinh-uy"]["lag_days"] == 31
    assert rows["db/ubnd"]["how"] == "activity" and rows["db/ubnd"]["document"] is None
    groups = {(g["level"], g["province"]): g["count"] for g in every["groups"]}
    assert groups == {("province", P): 2, ("district", P): 3}


def test_a_committee_carries_out_its_congress_s_resolution_but_not_its_own_plan(tmp_path):
    congress = Document("nq-dh-xiv.db", "Nghị quyết", None, None, None, "Tỉnh ủy Điện Biên", P, None,
                        issuer="Đại hội Đảng bộ tỉnh lần thứ XIV", issuer_unit="db/tinh-uy")
    plan = doc("10-kh-tu.db.2021", "Kế hoạch", "10", "KH/TU", "Tỉnh ủy Điện Biên", "2021-02-01", "db/tinh-uy", P)
    later = doc("11-kh-tu.db.2021", "Kế hoạch", "11", "KH/TU", "Tỉnh ủy Điện Biên", "2021-03-01", "db/tinh-uy", P)
    edges = (Edge("10-kh-tu.db.2021", "nq-dh-xiv.db", Relation.IMPLEMENTS, 0.9, ev(1)),
             Edge("11-kh-tu.db.2021", "10-kh-tu.db.2021", Relation.IMPLEMENTS, 0.9, ev(2)),
             *(Edge("db/tinh-uy", d.id, Relation.ISSUED, 0.9, ev(3)) for d in (congress, plan, later)))
    s = EmbeddedStore(tmp_path / "store")
    s.replace_graph(Graph((congress, plan, later), UNITS, edges, ()))
    try:
        assert [r["unit_id"] for r in Q.implementers(s, "nq-dh-xiv.db")] == ["db/tinh-uy"]
        assert Q.implementers(s, "10-kh-tu.db.2021") == []
    finally:
        Q.invalidate(s)
        s.close()


def test_implementers_filtered_by_level(store):
    page = Q.implementers_report(store, "05-ct-tw.tw.2018", level="district", limit=2)
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next_cursor"]
    rest = Q.implementers_report(store, "05-ct-tw.tw.2018", level="district", cursor=page["next_cursor"])
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None


def test_coverage_counts_the_units_that_existed_then(store):
    c = Q.coverage(store, "05-ct-tw.tw.2018", UNITS, province=P, level="district")
    status = {i["unit_id"]: i["status"] for i in c["items"]}
    assert status == {"db/huyen-uy-a": "implemented", "db/huyen-uy-b": "implemented"}
    assert [e["unit_id"] for e in c["summary"]["excluded"]] == ["db/huyen-uy-c"]  # created in 2020
    assert c["summary"]["as_of"] == "2018-01-01" and c["summary"]["ratio"] == 1.0


def test_coverage_of_a_later_directive_drops_merged_units(store):
    c = Q.coverage(store, "01-kl-tw.tw.2021", UNITS, province=P, level="district")
    status = {i["unit_id"]: i["status"] for i in c["items"]}
    assert status == {"db/huyen-uy-a": "not_implemented", "db/huyen-uy-c": "implemented"}
    assert [e["unit_id"] for e in c["summary"]["excluded"]] == ["db/huyen-uy-b"]  # gone at the end of 2019
    assert c["summary"]["implemented"] == 1 and c["summary"]["not_implemented"] == 1
    only_missing = Q.coverage(store, "01-kl-tw.tw.2021", UNITS, province=P, level="district", status="not_implemented")
    assert [i["unit_id"] for i in only_missing["items"]] == ["db/huyen-uy-a"]


def test_coverage_on_another_day_and_outside_roster(store):
    c = Q.coverage(store, "05-ct-tw.tw.2018", UNITS, province=P, level="district", on="2022-01-01")
    assert {i["unit_id"] for i in c["items"]} == {"db/huyen-uy-a", "db/huyen-uy-c"}
    assert c["summary"]["outside_roster"][0]["unit_id"] == "db/huyen-uy-b"
    assert "did not exist" in c["summary"]["outside_roster"][0]["reason"]
    with pytest.raises(InputError):
        Q.coverage(store, "05-ct-tw.tw.2018", UNITS, on="2022-13-45")


def test_coverage_of_a_provincial_directive_defaults_to_its_province(store):
    c = Q.coverage(store, "10-kh-tu.db.2018", UNITS, kind="party")
    assert c["summary"]["province"] == P
    assert "db/tinh-uy" not in {i["unit_id"] for i in c["items"]}  # the issuer itself
    assert {i["unit_id"]: i["status"] for i in c["items"]}["db/huyen-uy-a"] == "implemented"


def test_chain_up_reaches_the_central_directive(store):
    up = Q.chain_up(store, "20-kh-hu.a.2018")
    assert [[s["document"]["id"] for s in p["steps"]] for p in up["paths"]] == [["10-kh-tu.db.2018",
                                                                                  "05-ct-tw.tw.2018"]]
    assert up["paths"][0]["central"] is True and ids(up["roots"]) == ["05-ct-tw.tw.2018"]
    through_successor = Q.chain_up(store, "40-kh-hu.c.2021")
    assert ids(through_successor["roots"]) == ["05-ct-tw.tw.2018"]
    assert [s["relation"] for s in through_successor["paths"][0]["steps"]] == ["implements", "continues"]


def test_chain_up_stops_on_cycles(store, tmp_path):
    loop = Edge("05-ct-tw.tw.2018", "20-kh-hu.a.2018", Relation.IMPLEMENTS, 0.5, ev(99))
    store.replace_graph(Graph(DOCS, UNITS + (ADHOC,), EDGES + (loop,), MENTIONS))
    up = Q.chain_up(store, "20-kh-hu.a.2018")
    assert up["paths"] and all(len(p["steps"]) <= 3 for p in up["paths"])


def test_chain_down_tree_and_depth(store):
    down = Q.chain_down(store, "05-ct-tw.tw.2018")
    kids = {c["id"]: c for c in down["tree"]["children"]}
    assert set(kids) == {"10-kh-tu.db.2018", "30-kh-hu.b.2018", "01-kl-tw.tw.2021"}
    assert [c["id"] for c in kids["10-kh-tu.db.2018"]["children"]] == ["20-kh-hu.a.2018"]
    assert {c["id"] for c in kids["01-kl-tw.tw.2021"]["children"]} == {"40-kh-hu.c.2021", "db/ubnd"}
    assert down["nodes"] == 7 and not down["truncated"]
    shallow = Q.chain_down(store, "05-ct-tw.tw.2018", depth=1)
    assert shallow["truncated"] and all(not c["children"] for c in shallow["tree"]["children"])


# --- units, search, subgraph ------------------------------------------------------------------

def test_units_merge_roster_and_texts(store):
    page = Q.units(store, UNITS, province=P)
    assert "db/chi-bo-x" in ids(page["items"])
    assert {r["id"]: r["in_roster"] for r in page["items"]}["db/chi-bo-x"] is False
    assert ids(Q.units(store, UNITS, in_roster=False)["items"]) == ["db/chi-bo-x"]
    assert ids(Q.units(store, UNITS, q="tua chua")["items"]) == ["db/huyen-uy-b"]


def test_unit_detail(store):
    u = Q.unit_detail(store, "Huyện ủy Mường Ảng", UNITS)
    assert u["id"] == "db/huyen-uy-a" and u["parent_unit"]["id"] == "db/tinh-uy"
    assert ids(u["issued"]) == ["20-kh-hu.a.2018"]
    assert [c["directive"]["id"] for c in u["carried_out_directives"]] == ["10-kh-tu.db.2018"]
    parent = Q.unit_detail(store, "db/tinh-uy", UNITS)
    assert {c["id"] for c in parent["children"]} == {"db/huyen-uy-a", "db/huyen-uy-b", "db/huyen-uy-c"}
    with pytest.raises(NotFound) as caught:
        Q.unit_detail(store, "Huyện ủy Mường Angg", UNITS)
    assert "db/huyen-uy-a" in caught.value.suggestions


def test_search_is_fuzzy_and_accent_insensitive(store):
    hits = Q.search(store, "tua chua", UNITS)["items"]
    assert hits[0]["id"] == "db/huyen-uy-b" and hits[0]["label"] == "Huyện ủy Tủa Chùa"
    assert Q.search(store, "Muong Angg", UNITS)["items"][0]["id"] == "db/huyen-uy-a"
    assert Q.search(store, "05-CT/TW", UNITS)["items"][0]["id"] == "05-ct-tw.tw.2018"


def test_search_suggests_when_nothing_matches(store):
    page = Q.search(store, "Tua Chau Bac", UNITS)
    assert page["total"] == 0 and page["items"] == []
    assert page["suggestions"][0]["id"] == "db/huyen-uy-b"
    assert page["suggestions"][0]["label"] == "Huyện ủy Tủa Chùa"
    assert Q.search(store, "Ke hoach 7777 QQ", UNITS, kind="document")["suggestions"][0]["kind"] == "document"
    with pytest.raises(InputError):
        Q.search(store, "   ", UNITS)


def test_subgraph_ego_network(store):
    one = Q.subgraph(store, "10-kh-tu.db.2018", 1)
    assert set(ids(one["nodes"])) == {"10-kh-tu.db.2018", "05-ct-tw.tw.2018", "20-kh-hu.a.2018", "db/tinh-uy"}
    assert {(e["source"], e["target"]) for e in one["edges"]} >= {("10-kh-tu.db.2018", "05-ct-tw.tw.2018")}
    assert ids(Q.subgraph(store, "10-kh-tu.db.2018", 0)["nodes"]) == ["10-kh-tu.db.2018"]
    no_units = Q.subgraph(store, "10-kh-tu.db.2018", 2, {"units": False, "relations": ["implements"]})
    assert all(n["kind"] == "document" for n in no_units["nodes"])
    assert all(e["relation"] == "implements" for e in no_units["edges"])
    whole = Q.subgraph(store, None, 1, {"max_nodes": 3})
    assert whole["truncated"] and len(whole["nodes"]) == 3
    with pytest.raises(NotFound):
        Q.subgraph(store, "nothing-here", 1)


# --- quality, stats, caching ----------------------------------------------------------------------

def test_quality_report(store):
    report = Q.quality_report(store, UNITS)
    by_issue = {}
    for item in report["items"]:
        by_issue.setdefault(item["issue"], []).append(item)
    assert by_issue["fuzzy-citation"][0]["surface"] == "Kế hoạch số 40-KH/ThU"
    assert by_issue["ambiguous-citation"][0]["candidates"] == ["10-kh-tu.db.2018", "20-kh-hu.a.2018"]
    assert by_issue["unresolved-citation"][0]["line"] == 9
    assert {i["detail"].rsplit("says ", 1)[-1] for i in by_issue["conflicting-dates"]} == {"2017-01-01)",
                                                                                          "2018-01-01)"}
    assert by_issue["garbled-code"][0]["document"] == "40-kh-hu.c.2021"
    assert by_issue["unit-not-in-roster"][0]["unit_id"] == "db/chi-bo-x"
    assert report["summary"]["fuzzy-citation"] == 1
    only = Q.quality_report(store, UNITS, issue="garbled-code")
    assert {i["issue"] for i in only["items"]} == {"garbled-code"}
    with pytest.raises(InputError):
        Q.quality_report(store, UNITS, issue="typo")


def test_stats(store):
    s = Q.stats(store)
    assert s["documents"] == len(DOCS) and s["mentions"] == len(MENTIONS)
    assert s["relations"]["implements"] == 5 and s["resolutions"]["fuzzy"] == 1
    assert s["most_implemented"][0]["id"] == "05-ct-tw.tw.2018"
    assert s["most_implemented"][0]["implementing_units"] == 3  # Tỉnh ủy, Huyện ủy Tủa Chùa, Bộ Chính trị (KL 01)


def test_index_follows_the_store_after_a_rebuild(store):
    assert Q.documents(store)["total"] == len(DOCS)
    store.replace_graph(Graph(DOCS[:2], UNITS, EDGES[:1], ()))
    assert Q.documents(store)["total"] == 2
    assert Q.stats(store)["mentions"] == 0


# --- on the bundled sample ------------------------------------------------------------------------

def test_sample_coverage_of_chi_thi_05_in_lai_chau(sample_store):
    from ingest.units import Roster
    roster = list(Roster.load().units.values())
    c = Q.coverage(sample_store, "05-ct-tw.tw.2016", roster, province="Lai Châu", level="district")
    assert c["summary"]["units"] >= 8
    done = {i["unit"] for i in c["items"] if i["status"] == "implemented"}
    assert {"Huyện ủy Tam Đường", "Huyện ủy Sìn Hồ", "Thành ủy Lai Châu"} <= done


def test_sample_chain_up_from_a_district_plan(sample_store):
    up = Q.chain_up(sample_store, "102-kh-hu.huyen-uy-mai-son.2022")
    assert "05-ct-tw.tw.2016" in ids(up["roots"])


# --- the search index's ranking ------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 400), max_size=300), min_size=1, max_size=7),
       st.integers(1, 600), st.sampled_from([3, 50, 20_000]))
def test_top_candidates_are_the_nodes_most_tokens_match(postings, limit, scan_first):
    """Whatever shortcuts it takes (early stops, set intersections only where needed), the index
    ranks exactly as counting does: most matching tokens first, then node order."""
    lists = [sorted(set(p)) for p in postings]
    hits = {}
    for nodes in lists:
        for n in nodes:
            hits[n] = hits.get(n, 0) + 1
    expected = sorted(hits.items(), key=lambda r: (-r[1], r[0]))[:limit]
    old, derived.SCAN_FIRST = derived.SCAN_FIRST, scan_first
    try:
        assert derived.top_candidates([derived.Posting(n) for n in lists], limit) == expected
    finally:
        derived.SCAN_FIRST = old
