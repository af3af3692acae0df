"""The benchmark corpus generator (benchmarks/generate.py): deterministic, gold consistent
with its texts, and scored by `directives evaluate` as the bundled gold is."""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT

if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package: run from the checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402

N = 300
SCHEMA_KEYS = {"key", "type", "number", "code", "sep", "issuer", "unit", "province", "date", "dates_seen",
               "subject", "aliases"}
#: measured with this generator and pipeline: 1.0 on this set (821 mentions; also 1.0 for seeds 1-3);
#: 0.9999 at 10k documents, where OCR noise turns a few "Báo cáo 6 tháng" decoys into citations.
#: Just below: a handful of misses fails the test. The issue's target at scale is 0.97.
MENTION_F1_MIN = 0.995


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "a"
    generate(out, N, seed=7)
    return out


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.json"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_same_seed_gives_identical_files(corpus, tmp_path):
    again = tmp_path / "b"
    generate(again, N, seed=7)
    first, second = _tree(corpus), _tree(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_another_seed_gives_another_corpus(corpus, tmp_path):
    other = tmp_path / "c"
    generate(other, N, seed=8)
    assert _tree(corpus) != _tree(other)


def test_every_gold_surface_is_on_its_line(corpus):
    lines = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (corpus / "corpus").glob("*.txt")}
    mentions = _jsonl(corpus / "gold" / "mentions.jsonl")
    assert mentions
    bad = [m for m in mentions if not (0 < m["line"] <= len(lines[m["file"]])
                                       and m["surface"] in lines[m["file"]][m["line"] - 1])]
    assert bad == []
    assert {m["kind"] for m in mentions} <= {"full", "short", "named"}


def test_texts_are_nfc(corpus):
    for p in (corpus / "corpus").glob("*.txt"):
        assert unicodedata.is_normalized("NFC", p.read_text(encoding="utf-8")), p.name


def test_gold_documents_have_the_schema_keys(corpus):
    docs = _jsonl(corpus / "gold" / "documents.jsonl")
    assert len(docs) == N  # --documents is the number of distinct documents the texts cite
    assert [d["key"] for d in docs if set(d) != SCHEMA_KEYS] == []
    assert len({d["key"] for d in docs}) == N
    keys = {d["key"] for d in docs}
    cited = {m["doc"] for m in _jsonl(corpus / "gold" / "mentions.jsonl")}
    assert cited == keys
    for e in _jsonl(corpus / "gold" / "edges.jsonl"):
        assert (e["doc"] if e["relation"] == "issued" else e["source"]) in keys
    queries = json.loads((corpus / "gold" / "queries.json").read_text(encoding="utf-8"))
    assert queries and all(q["directive"] in keys and q["expect_units"] for q in queries)
    assert all(not set(q["expect_units"]) & set(q["ambiguous_units"]) for q in queries)


def test_evaluate_scores_the_generated_gold(corpus, tmp_path):
    from cli.evaluate import evaluate
    r = evaluate(str(corpus / "gold"), str(corpus / "corpus"), str(tmp_path / "store"))
    assert r["mentions"]["gold"] == len(_jsonl(corpus / "gold" / "mentions.jsonl"))
    assert r["mentions"]["F1"] >= MENTION_F1_MIN, r["mentions"]
